package dev.omnivibe.engine.cache;

import java.util.regex.Pattern;

/** Redis-style glob patterns, for adapters that match keys themselves. */
public final class Glob {
  private Glob() {}

  public static Pattern toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          re.append(']');
        } else if (c == '^' && glob.charAt(i - 1) == '[') {
          re.append('^');
        } else if (c == '-') {
          re.append('-');
        } else {
          re.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        inClass = true;
        re.append('[');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inClass) {
      throw new IllegalArgumentException("pattern '" + glob + "' has an unclosed [");
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
