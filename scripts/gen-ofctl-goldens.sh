#!/usr/bin/env bash
# gen-ofctl-goldens.sh - regenerate test/golden-ofctl/*.out with the REAL ovs-ofctl 3.1 talking to a
# real ovs-vswitchd 3.1 (userspace, --enable-dummy=system, private temp dir, unix sockets only).
#
# Usage: scripts/gen-ofctl-goldens.sh [SET...]   (default: every set; a set is an input file without .in)
#
# Inputs (one ovs-ofctl argument a line; blank lines and lines starting with # are skipped):
#   flows.in, errors.in, ovn-hv1.in, ovn-more.in      add-flow arguments
#   groups.in                            add-group arguments
#   parse.in                             parse-flow arguments (ovs-ofctl's own checks, no switch): parse.out
#   flows.of10.out / flows.of10.names.out: flows.in added and dumped without -O (OpenFlow 1.0 + NXM)
# Each input line is added alone to an empty bridge and dumped back, so each output line belongs to
# exactly one input line and classifier order does not matter. Outputs, one line per input line:
#   X.out        ovs-ofctl -O OpenFlow15 dump-flows --no-stats br0          (dump-groups for groups)
#   X.names.out  the same with --names
# A rejected line gives "error: " and ovs-ofctl's stderr (newlines written as \n); a line that
# dumps as several flows has them joined by " ||| ".
# br0 ports: p1=1 p2=2 int-br-ex=3 patch-tun=4 vxlan0=5 gnv0=6; TLV map: 0x102/0x80 len 4 -> tun_metadata0.

set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/test/golden-ofctl
command -v ovs-vswitchd >/dev/null || { echo "needs: apt-get install -y openvswitch-switch" >&2; exit 2; }

D=$(mktemp -d -t ofctl-goldens.XXXXXX)
export OVS_RUNDIR=$D OVS_LOGDIR=$D OVS_DBDIR=$D OVS_SYSCONFDIR=$D
stop() {
  local pf pid i
  for pf in "$D/ovs-vswitchd.pid" "$D/ovsdb-server.pid"; do
    [ -f "$pf" ] || continue
    pid=$(cat "$pf")
    if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$D/"; then
      kill -TERM "$pid"
      for i in $(seq 50); do [ -e "/proc/$pid" ] || break; sleep 0.1; done
    fi
  done
  rm -rf "$D"
}
trap stop EXIT

ovsdb-tool create "$D/conf.db" /usr/share/openvswitch/vswitch.ovsschema
ovsdb-server --detach --no-chdir --pidfile="$D/ovsdb-server.pid" --log-file="$D/ovsdb-server.log" \
  -vconsole:off --remote="punix:$D/db.sock" "$D/conf.db" 2>/dev/null
ovs-vsctl --no-wait init
ovs-vswitchd --detach --no-chdir --pidfile="$D/ovs-vswitchd.pid" --log-file="$D/ovs-vswitchd.log" \
  -vconsole:off --enable-dummy=system --disable-system --disable-system-route "unix:$D/db.sock" 2>/dev/null
ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure \
  -- add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1 \
  -- add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2 \
  -- add-port br0 int-br-ex -- set Interface int-br-ex type=dummy ofport_request=3 \
  -- add-port br0 patch-tun -- set Interface patch-tun type=dummy ofport_request=4 \
  -- add-port br0 vxlan0 -- set Interface vxlan0 type=vxlan options:remote_ip=192.168.0.2 ofport_request=5 \
  -- add-port br0 gnv0 -- set Interface gnv0 type=geneve options:remote_ip=192.168.0.3 ofport_request=6
ovs-ofctl add-tlv-map br0 "{class=0x102,type=0x80,len=4}->tun_metadata0"

OF="ovs-ofctl -O OpenFlow15"
# One dump record: the lines of a dump (header lines dropped, leading space removed) joined by " ||| ".
record() { sed -e '/^OFPST_GROUP_DESC reply/d' -e 's/^ //' | paste -sd '\001' | sed 's/\x01/ ||| /g'; }
# ovs-ofctl's log lines carry a timestamp and sequence number: dropped, so reruns give the same file.
untime() { sed -E 's/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\|[0-9]+\|//'; }
error_record() { printf 'error: %s\n' "$(untime <"$1" | sed ':a;N;$!ba;s/\n/\\n/g')"; }

run_flows() { # NAME [OUT_NAME OFCTL]: OUT_NAME.out from NAME.in with OFCTL (default: -O OpenFlow15)
  local in=$G/$1.in out=$G/${2:-$1}.out names=$G/${2:-$1}.names.out line n=0
  local OF=${3:-$OF}
  : >"$out"; : >"$names"
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    n=$((n + 1))
    if $OF add-flow br0 "$line" 2>"$D/err"; then
      $OF dump-flows --no-stats br0 2>&1 | untime | record >>"$out"
      $OF dump-flows --no-stats --names br0 2>&1 | untime | record >>"$names"
      $OF del-flows br0
    else
      error_record "$D/err" | tee -a "$names" >>"$out"
    fi
  done <"$in"
  echo "$1: $n lines" >&2
}

# parse.in through `ovs-ofctl parse-flow` alone (no switch): "ok" or "error: " and ovs-ofctl's stderr.
run_parse() {
  local line n=0
  : >"$G/parse.out"
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    n=$((n + 1))
    if $OF parse-flow "$line" >/dev/null 2>"$D/err"; then echo ok >>"$G/parse.out"; else error_record "$D/err" >>"$G/parse.out"; fi
  done <"$G/parse.in"
  echo "parse: $n lines" >&2
}

run_groups() { # NAME
  local in=$G/$1.in out=$G/$1.out names=$G/$1.names.out line n=0
  : >"$out"; : >"$names"
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    n=$((n + 1))
    if $OF add-group br0 "$line" 2>"$D/err"; then
      $OF dump-groups br0 | record >>"$out"
      $OF dump-groups --names br0 | record >>"$names"
      $OF del-groups br0
    else
      error_record "$D/err" | tee -a "$names" >>"$out"
    fi
  done <"$in"
  echo "$1: $n lines" >&2
}

sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(flows flows-of10 errors ovn-hv1 ovn-more groups parse)
for name in "${sets[@]}"; do
  case $name in
    groups) run_groups groups ;;
    parse) run_parse ;;
    # The same corpus added and dumped the way people paste it: no -O, so OpenFlow 1.0 with NXM.
    flows-of10) run_flows flows flows.of10 ovs-ofctl ;;
    *) run_flows "$name" ;;
  esac
done
ovs-vswitchd --version | head -1 >"$G/versions.txt"
