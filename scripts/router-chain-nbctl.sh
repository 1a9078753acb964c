#!/usr/bin/env bash
# router-chain-nbctl.sh N [loop] - the script.nbctl of a chain of N logical routers joined by peer
# ports, a switch with vm1 before the first and one with vm2 after the last (test/golden-trace/
# router-chain-*), or with `loop` two routers on a join switch that route 10.99.0.0/16 to each
# other (test/golden-trace/router-loop). Every router knows the way to both ends.
set -eu
n=$1
hex() { printf '%02x' "$1"; }
echo 'ovn-nbctl ls-add sw0'
echo 'ovn-nbctl lsp-add sw0 vm1'
echo 'ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:00:01 10.0.0.11"'
for ((i = 1; i <= n; i++)); do echo "ovn-nbctl lr-add lr$i"; done
echo 'ovn-nbctl lrp-add lr1 lr1-sw0 00:00:00:00:ff:01 10.0.0.1/24'
echo 'ovn-nbctl lsp-add sw0 sw0-lr1'
echo 'ovn-nbctl lsp-set-type sw0-lr1 router'
echo 'ovn-nbctl lsp-set-addresses sw0-lr1 router'
echo 'ovn-nbctl lsp-set-options sw0-lr1 router-port=lr1-sw0'
if [ "${2:-}" = loop ]; then
    # lr1 and lr2 on a join switch, each sending 10.99.0.0/16 to the other
    echo 'ovn-nbctl ls-add join'
    for i in 1 2; do
        echo "ovn-nbctl lrp-add lr$i lr$i-join 00:00:00:0$i:00:01 100.64.1.$i/24"
        echo "ovn-nbctl lsp-add join join-lr$i"
        echo "ovn-nbctl lsp-set-type join-lr$i router"
        echo "ovn-nbctl lsp-set-addresses join-lr$i router"
        echo "ovn-nbctl lsp-set-options join-lr$i router-port=lr$i-join"
    done
    echo 'ovn-nbctl lr-route-add lr1 10.99.0.0/16 100.64.1.2'
    echo 'ovn-nbctl lr-route-add lr2 10.99.0.0/16 100.64.1.1'
    echo 'ovn-nbctl lr-route-add lr2 10.0.0.0/24 100.64.1.1'
    exit 0
fi
for ((i = 1; i < n; i++)); do
    j=$((i + 1))
    echo "ovn-nbctl lrp-add lr$i lr$i-lr$j 00:00:00:01:$(hex $((i >> 8))):$(hex $((i & 255))) 100.64.$i.1/30 peer=lr$j-lr$i"
    echo "ovn-nbctl lrp-add lr$j lr$j-lr$i 00:00:00:02:$(hex $((i >> 8))):$(hex $((i & 255))) 100.64.$i.2/30 peer=lr$i-lr$j"
done
echo 'ovn-nbctl ls-add sw1'
echo 'ovn-nbctl lsp-add sw1 vm2'
echo 'ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:00:02 10.1.0.12"'
echo "ovn-nbctl lrp-add lr$n lr$n-sw1 00:00:00:00:ff:02 10.1.0.1/24"
echo 'ovn-nbctl lsp-add sw1 sw1-lr'
echo 'ovn-nbctl lsp-set-type sw1-lr router'
echo 'ovn-nbctl lsp-set-addresses sw1-lr router'
echo "ovn-nbctl lsp-set-options sw1-lr router-port=lr$n-sw1"
for ((i = 1; i < n; i++)); do echo "ovn-nbctl lr-route-add lr$i 10.1.0.0/24 100.64.$i.2"; done
for ((i = 2; i <= n; i++)); do echo "ovn-nbctl lr-route-add lr$i 10.0.0.0/24 100.64.$((i - 1)).1"; done
