# Shared by the golden generators that run a scenario script against real OVN: how a script is read
# (logical lines with their line numbers) and the mac-binding-add helper scenarios may call.
# Sourced; expects ovn-sbctl to reach the run's Southbound database (OVN_SB_DB or a wrapper function).

# mac-binding-add LOGICAL_PORT IP MAC: a SB MAC_Binding row, what ovn-trace's get_arp sees.
mac-binding-add() {
    [ $# -eq 3 ] || { echo "usage: mac-binding-add LOGICAL_PORT IP MAC" >&2; return 2; }
    local dp
    dp=$(ovn-sbctl --bare --columns datapath find Port_Binding logical_port="$1") || return
    [ -n "$dp" ] || { echo "mac-binding-add: no Port_Binding '$1'" >&2; return 2; }
    ovn-sbctl create MAC_Binding datapath="$dp" logical_port="$1" ip="\"$2\"" mac="\"$3\"" >/dev/null
}

# read_lines FILE: "LINENO<TAB>LINE" per logical line; comments, blank lines
# dropped, trailing-backslash continuations joined.
read_lines() {
    awk '
        { sub(/\r$/, "") }
        cont != "" { $0 = cont " " $0; cont = "" }
        /\\$/ { sub(/\\$/, ""); if (start == 0) start = NR; cont = $0; next }
        {
            ln = (start ? start : NR); start = 0
            if ($0 ~ /^[ \t]*#/ || $0 ~ /^[ \t]*$/) next
            printf "%d\t%s\n", ln, $0
        }
        END { if (cont != "") printf "%d\t%s\n", start, cont }
    ' "$1"
}
