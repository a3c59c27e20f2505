package dev.omnivibe.engine.hooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where a job's own webhook may point. A caller of the API must not make the node POST into the
 * node's own network: loopback, link-local (cloud metadata at 169.254.169.254), private, carrier
 * and unique-local addresses are refused, unless the node's settings allow them, all at once
 * ({@code hooks.allow-private-targets}) or by host or network ({@code hooks.allowed-targets}).
 * Names are resolved and every address is checked, at submit and again before each delivery (a name
 * may point elsewhere by then).
 */
public final class WebhookTargets {
  public static final WebhookTargets PUBLIC_ONLY = new WebhookTargets(false, List.of());
  private final boolean allowPrivate;
  private final List<String> allowed;
  private final Function<String, InetAddress[]> resolver;

  /**
   * @param allowed host names, addresses or networks in CIDR form ({@code 10.1.0.0/16}) that may be
   *     private all the same
   */
  public WebhookTargets(boolean allowPrivate, List<String> allowed) {
    this(allowPrivate, allowed, WebhookTargets::resolve);
  }

  WebhookTargets(
      boolean allowPrivate, List<String> allowed, Function<String, InetAddress[]> resolver) {
    this.allowPrivate = allowPrivate;
    this.allowed = allowed.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    this.resolver = resolver;
  }

  /**
   * @throws IllegalArgumentException naming the address and how to allow it
   */
  public void check(URI url) {
    if (allowPrivate) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("webhook '" + url + "' has no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (allowed.contains(bare.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses = resolver.apply(bare);
    if (addresses == null || addresses.length == 0) {
      throw new IllegalArgumentException("webhook host '" + bare + "' does not resolve");
    }
    for (InetAddress a : addresses) {
      String kind = internal(a);
      if (kind != null && !allowedNetwork(a)) {
        throw new IllegalArgumentException(
            "webhook '"
                + url
                + "' points at "
                + a.getHostAddress()
                + ", a "
                + kind
                + " address; the node's settings must allow it (hooks.allowed-targets="
                + bare
                + ", or hooks.allow-private-targets=true)");
      }
    }
  }

  /** What kind of internal address this is, or null for a public one. */
  static String internal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "wildcard";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second < 128) {
        return "carrier-grade NAT";
      }
      if (first == 0 || first >= 240 || (first == 198 && (second == 18 || second == 19))) {
        return "reserved";
      }
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isMappedV4(b)) {
        try {
          return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return "reserved";
        }
      }
    }
    return null;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private boolean allowedNetwork(InetAddress a) {
    for (String entry : allowed) {
      if (entry.equals(a.getHostAddress().toLowerCase(Locale.ROOT)) || inCidr(a, entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inCidr(InetAddress a, String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      byte[] addr = a.getAddress();
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      if (net.length != addr.length || bits < 0 || bits > net.length * 8) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }

  private static InetAddress[] resolve(String host) {
    try {
      return InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return new InetAddress[0];
    }
  }

  /** The entries that are not host names, addresses or CIDR networks (for settings checks). */
  public static List<String> malformed(List<String> entries) {
    List<String> bad = new ArrayList<>();
    for (String e : entries) {
      if (!e.trim().matches("[A-Za-z0-9.:\\-\\[\\]]+(/\\d{1,3})?")) {
        bad.add(e);
      }
    }
    return bad;
  }
}
