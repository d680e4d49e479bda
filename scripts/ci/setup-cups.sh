#!/usr/bin/env bash
# Makes real CUPS print queues that print to PDF files, for the printing tests and for trying the
# counter's printing on a machine with no printer. Idempotent: run it again at any time (as root,
# or as a member of lpadmin once cupsd runs). Needs: cups printer-driver-cups-pdf (apt-get).
#
#   queue   PolicyDesk-PDF      (device cups-pdf:/policydesk)  the A4 printer every printing test may use
#   queue   PolicyDesk-Receipt  (device cups-pdf:/policydesk)  the 80 mm receipt printer of the browser
#           story tests/e2e/application-print.spec.ts, which stops it (cupsdisable): no other test
#           prints to it, so the tests running beside that one are not disturbed
#   output  /var/spool/cups-pdf/policydesk/<user>/  — one PDF per job, named job_<id>-<title>.pdf
#
# CUPS-PDF reads /etc/cups/cups-pdf-<instance>.conf for a device cups-pdf:/<instance>, so these
# queues have their own output folder and the machine's own cups-pdf.conf (~/PDF) is left alone.
set -euo pipefail
export LANG=C LC_ALL=C

QUEUE="${POLICYDESK_PDF_QUEUE:-PolicyDesk-PDF}"
RECEIPT_QUEUE="${POLICYDESK_RECEIPT_QUEUE:-PolicyDesk-Receipt}"
INSTANCE=policydesk
OUT_ROOT=/var/spool/cups-pdf/policydesk
CONF=/etc/cups/cups-pdf-${INSTANCE}.conf

say() { printf 'setup-cups: %s\n' "$*"; }
die() { printf 'setup-cups: %s\n' "$*" >&2; exit 1; }

for tool in lpstat lpadmin lpinfo cupsd cupsenable cupsaccept; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: apt-get install cups printer-driver-cups-pdf"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || die "the CUPS-PDF backend is missing: apt-get install printer-driver-cups-pdf"

running() { lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }

# 1. The scheduler. CI containers have no systemd: start cupsd directly (it daemonises itself).
if ! running; then
  [ "$(id -u)" -eq 0 ] || die "cupsd is not running; start it as root (sudo $0)"
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl start cups || cupsd
  else
    mkdir -p /run/cups
    cupsd
  fi
  for _ in $(seq 1 50); do running && break; sleep 0.2; done
  running || die "cupsd did not start; see /var/log/cups/error_log"
  say "started cupsd"
fi

# 2. Where this instance of CUPS-PDF writes (per user, so jobs of different users never mix).
if [ "$(id -u)" -eq 0 ]; then
  want="# Written by scripts/ci/setup-cups.sh for the queues ${QUEUE} and ${RECEIPT_QUEUE} (device cups-pdf:/${INSTANCE}).
Out ${OUT_ROOT}/\${USER}
Label 2
Grp lp
UserUMask 0022
LogType 3"
  if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$want" ]; then
    tmp="$(mktemp "${CONF}.XXXXXX")"
    printf '%s\n' "$want" >"$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$CONF"
    say "wrote $CONF"
  fi
  mkdir -p "$OUT_ROOT"
  chmod 0755 "$OUT_ROOT"
elif [ ! -f "$CONF" ]; then
  die "$CONF is missing; run this script once as root"
fi

# 3. The queues, with the CUPS-PDF driver (found through lpinfo; the PPD file as a fallback).
driver=()
find_driver() {
  # The driver without options: its PPD has no defaults that would override the config above.
  local models model ppd
  models="$(lpinfo -m 2>/dev/null | awk 'tolower($1) ~ /cups-pdf/ { print $1 }')"
  model="$(printf '%s\n' "$models" | grep -i noopt | head -n1 || true)"
  [ -n "$model" ] || model="$(printf '%s\n' "$models" | head -n1)"
  if [ -n "$model" ]; then driver=(-m "$model")
  else
    ppd="$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd /usr/share/ppd/cups-pdf/*.ppd 2>/dev/null | head -n1)"
    [ -n "$ppd" ] || die "no CUPS-PDF driver found (lpinfo -m | grep -i pdf)"
    driver=(-P "$ppd")
  fi
}

# make_queue NAME DESCRIPTION
make_queue() {
  local name="$1" description="$2"
  if ! lpstat -p "$name" >/dev/null 2>&1; then
    [ ${#driver[@]} -gt 0 ] || find_driver
    # lpadmin warns that printer drivers are deprecated (CUPS 2.4); the queue works all the same.
    lpadmin -p "$name" -E -v "cups-pdf:/${INSTANCE}" "${driver[@]}" -D "$description" -L 'CUPS-PDF' 2>/dev/null
    say "created queue $name (${driver[*]})"
  fi

  # Render with pdftocairo: the default (Ghostscript) prints the Chinese right but turns the embedded
  # TrueType subset into Type 3 glyphs without a Unicode map, so the PDF CUPS-PDF writes has no
  # extractable text — and the tests read the printed text back with pdftotext. Abort a job the
  # backend cannot write instead of retrying it forever.
  lpadmin -p "$name" -o pdftops-renderer-default=pdftocairo -o printer-error-policy=abort-job 2>/dev/null

  # A queue left stopped or rejecting by an interrupted test is put right.
  cupsenable "$name"
  cupsaccept "$name"
}

make_queue "$QUEUE" 'PolicyDesk PDF printer (tests)'
make_queue "$RECEIPT_QUEUE" 'PolicyDesk 80 mm receipt printer (tests, CUPS-PDF)'
say "queues $QUEUE and $RECEIPT_QUEUE ready; output in ${OUT_ROOT}/<user>/"
