# Option forms from OVN's testsuite and tutorials: --columns VALUE as a separate word (fetch_column),
# option-name prefixes getopt accepts (--column, --may, --if), inside $(...) too; --gateway-port NAT rules
# on a router with two gateway ports; grep with options after the pattern; sed s/// and -n ...p.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 sw0-p1 -- lsp-set-addresses sw0-p1 "50:54:00:00:00:01 10.0.0.3"
ovn-nbctl lsp-add sw0 sw0-p2 -- lsp-set-addresses sw0-p2 "50:54:00:00:00:02 10.0.0.4"
ovn-nbctl --may lsp-add sw0 sw0-p1
ovn-nbctl --column name list logical_switch_port
uuid=$(ovn-nbctl --bare --columns _uuid find logical_switch_port name=sw0-p1)
ovn-nbctl set logical_switch_port $uuid external_ids:seen=yes
p2=$(ovn-nbctl --bare --column _uuid find logical_switch_port name=sw0-p2)
ovn-nbctl set logical_switch_port $p2 external_ids:seen=too
name=$(ovn-nbctl --bare --columns=name find logical_switch_port external_ids:seen=too)
ovn-nbctl set logical_switch sw0 external_ids:last=$name
ovn-nbctl --data bare --no-head --col name,external_ids list logical_switch_port
ovn-nbctl --if-ex ls-del nosuch
ovn-nbctl lr-add lr0
ovn-nbctl lrp-add lr0 lr0-pub1 00:00:00:00:ff:01 172.16.1.1/24
ovn-nbctl lrp-add lr0 lr0-pub2 00:00:00:00:ff:02 172.16.2.1/24
ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:03 10.0.0.1/24
ovn-nbctl lrp-set-gateway-chassis lr0-pub1 hv1 20
ovn-nbctl lrp-set-gateway-chassis lr0-pub2 hv2 20
ovn-nbctl --gateway-port=lr0-pub1 lr-nat-add lr0 snat 172.16.1.1 10.0.0.0/24
ovn-nbctl --gateway-port=lr0-pub2 lr-nat-add lr0 snat 172.16.2.1 10.0.0.0/24
ovn-nbctl --gateway-port=lr0-pub1 lr-nat-add lr0 dnat_and_snat 172.16.1.10 10.0.0.3
ovn-nbctl --gateway-port=lr0-pub2 lr-nat-add lr0 dnat_and_snat 172.16.2.10 10.0.0.3
ovn-nbctl --may-exist --gateway-port=lr0-pub2 lr-nat-add lr0 dnat_and_snat 172.16.2.10 10.0.0.3
ovn-nbctl --gateway-port lr0-pub1 lr-nat-add lr0 dnat 172.16.1.11 10.0.0.4
ovn-nbctl lr-nat-list lr0
ovn-nbctl lr-nat-list lr0 | grep 172.16 -c
ovn-nbctl show | grep sw0-p1 -A 2
ovn-nbctl show | grep -B 1 addresses
LRP=$(ovn-nbctl lrp-list lr0 | grep pub2 | sed 's/ .*//')
ovn-nbctl set logical_router_port $LRP options:found=1
ovn-nbctl lsp-list sw0 | sed 's/sw0-/port-/'
ovn-nbctl lsp-list sw0 | sed -n '/p2/p'
ovn-nbctl lsp-list sw0 | sed -e 's/(//g' -e 's/)//g'
N=$(ovn-nbctl lsp-list sw0 | sed -n '/p1/p' | cut -d'(' -f2 | tr -d ')')
ovn-nbctl set logical_switch sw0 external_ids:first=$N
