#!/bin/sh
# Make sure the libraries tpa builds on are present.
# Usage: deps.sh [extra Debian packages...]
# When something is missing: installs it with apt-get when run as root,
# otherwise prints the exact command to run and fails.
set -u

need=""
have_header() { [ -f "/usr/include/$1" ]; }
have_pc() { pkg-config --exists "$1" 2>/dev/null; }

command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
have_header csv.h || need="$need libcsv-dev"
have_pc yaml-0.1 || need="$need libyaml-dev"
have_pc libpcre2-8 || need="$need libpcre2-dev"
have_pc check || need="$need check"
have_pc nettle || need="$need nettle-dev"
have_pc xlsxwriter || need="$need libxlsxwriter-dev"
# msgfmt and xgettext for the message catalogues; the locale definitions
# the tests generate zh_CN.UTF-8 from.
{ command -v msgfmt && command -v xgettext; } >/dev/null 2>&1 || need="$need gettext"
[ -f /usr/share/i18n/locales/zh_CN ] || need="$need locales"
for p in "$@"; do
	dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done

[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "tpa: installing build dependencies:$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 &&
	apt-get install -y -qq --no-install-recommends $need >&2 && exit 0
	echo "tpa: apt-get failed; install by hand:$need" >&2
	exit 1
fi
echo "tpa: missing build dependencies. Install them with:" >&2
echo "    sudo apt-get install$need" >&2
exit 1
