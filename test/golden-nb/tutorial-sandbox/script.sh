# A session pasted from a terminal: several prompt styles, sudo, variables, exports,
# command substitution with --bare find, --may-exist/--if-exists, generic db commands.
user@central:~$ export LS=sw0
user@central:~$ sudo ovn-nbctl --wait=hv --timeout=10 ls-add $LS
user@central:~$ sudo ovn-nbctl --may-exist ls-add "$LS"
user@central:~$ for i in 1 2; do echo $i; done
user@central:~$ sudo ovn-nbctl lsp-add $LS ${LS}-port1
user@central:~$ sudo ovn-nbctl lsp-set-addresses ${LS}-port1 "50:54:00:00:00:01 192.168.0.2"
user@central:~$ sudo ovn-nbctl lsp-add sw0 sw0-port2 -- lsp-set-addresses sw0-port2 "50:54:00:00:00:02 192.168.0.3" \
>   -- lsp-set-port-security sw0-port2 "50:54:00:00:00:02 192.168.0.3"
user@central:~$ PORT1=$(sudo ovn-nbctl --bare --columns=_uuid find Logical_Switch_Port name=sw0-port1)
user@central:~$ ovn-nbctl set Logical_Switch_Port $PORT1 external_ids:vm-id=vm1 'external_ids:owner="ops team"'
user@central:~$ ovn-nbctl --if-exists lsp-del nosuch
user@central:~$ ovn-nbctl ls-add sw1 -- set Logical_Switch sw1 other_config:mcast_snoop=true
user@central:~$ ovn-nbctl lsp-add sw1 sw1-localnet -- lsp-set-type sw1-localnet localnet -- lsp-set-addresses sw1-localnet unknown -- lsp-set-options sw1-localnet network_name=physnet
user@central:~$ ovn-nbctl lr-add lr0 -- set Logical_Router lr0 options:chassis=gw1
user@central:~$ ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 192.168.0.1/24 2001:db8::1/64
user@central:~$ ovn-nbctl lsp-add sw0 sw0-lr0 -- set Logical_Switch_Port sw0-lr0 type=router options:router-port=lr0-sw0 addresses=router
user@central:~$ ovn-nbctl lrp-add lr0 lr0-sw1 00:00:00:00:ff:02 10.10.0.1/24 peer=sw1-peer
user@central:~$ ovn-nbctl lr-route-add lr0 10.20.0.0/16 192.168.0.254
user@central:~$ ovn-nbctl lr-route-add lr0 2001:db8:1::/64 2001:db8::fe
user@central:~$ ovn-nbctl --stateless lr-nat-add lr0 dnat_and_snat 10.10.0.100 192.168.0.2
user@central:~$ ovn-nbctl lb-add web 10.30.0.10:80 192.168.0.2:8080,192.168.0.3:8080
user@central:~$ ovn-nbctl lb-add web6 [2001:db8::100]:80 [2001:db8::2]:8080
user@central:~$ ovn-nbctl ls-lb-add sw0 web
user@central:~$ ovn-nbctl create Address_Set name=web_clients addresses=\"192.168.0.2\"
user@central:~$ ovn-nbctl acl-add sw0 to-lport 1000 'outport == "sw0-port2" && ip4.src == $web_clients && tcp.dst == 8080' allow-related
user@central:~$ ovn-nbctl --label=1234 acl-add sw0 from-lport 1000 'inport == "sw0-port1"' allow
user@central:~$ ovn-nbctl clear Logical_Switch_Port sw0-port2 port_security
user@central:~$ ovn-nbctl remove Logical_Switch sw1 other_config mcast_snoop
user@central:~$ ovn-nbctl add Logical_Switch sw1 other_config mcast_querier=false
