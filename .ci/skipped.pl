#!/usr/bin/perl
# Prints "skipped: Class.test: reason" for every skipped test case in the surefire XML reports given.
use strict;
use warnings;
local $/;
for my $file (@ARGV) {
  open(my $fh, '<', $file) or next;
  my $xml = <$fh>;
  while ($xml =~ /<testcase name="([^"]*)" classname="([^"]*)"[^>]*>\s*<skipped([^>]*)>(.*?)<\/skipped>|<testcase name="([^"]*)" classname="([^"]*)"[^>]*>\s*<skipped([^>]*)\/>/gs) {
    my ($test, $class, $attrs, $body) = defined $1 ? ($1, $2, $3, $4) : ($5, $6, $7, '');
    my ($why) = $attrs =~ /message="([^"]*)"/;
    if (!$why && $body =~ /(?:Assumption failed: )?([^\n]*)/) { $why = $1; $why =~ s/^<!\[CDATA\[//; $why =~ s/^\S+Exception: //; }
    print "  skipped: $class.$test: " . ($why // '') . "\n";
  }
}
