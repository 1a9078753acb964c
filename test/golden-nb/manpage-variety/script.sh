# Less common commands and options tutorials reach for: virtual ports, redirect types, route tables,
# BFD, reroute policies with several nexthops, NAT port ranges and --add-route, LB health checks,
# DNS records, Port_Group by create, cascading deletes.
user@ovn:~$ ovn-nbctl ls-add sw0
user@ovn:~$ ovn-nbctl lsp-add sw0 vm1 -- lsp-set-addresses vm1 "00:00:00:00:00:01 10.0.0.1"
user@ovn:~$ ovn-nbctl lsp-add sw0 vm2 -- lsp-set-addresses vm2 "00:00:00:00:00:02 10.0.0.2"
user@ovn:~$ ovn-nbctl lsp-add sw0 sw0-vip -- lsp-set-type sw0-vip virtual \
      -- lsp-set-options sw0-vip virtual-ip=10.0.0.10 virtual-parents=vm1,vm2
user@ovn:~$ ovn-nbctl lr-add lr0
user@ovn:~$ ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.254/24
user@ovn:~$ ovn-nbctl lrp-add lr0 lr0-ext 00:00:00:00:ff:02 172.16.0.1/24 2001:db8::1/64
user@ovn:~$ ovn-nbctl lrp-set-gateway-chassis lr0-ext gw1 10
user@ovn:~$ ovn-nbctl lrp-set-redirect-type lr0-ext bridged
user@ovn:~$ ovn-nbctl lrp-set-options lr0-ext gateway_mtu=1400
user@ovn:~$ ovn-nbctl lrp-set-enabled lr0-sw0 enabled
user@ovn:~$ ovn-nbctl --route-table=rtb1 lr-route-add lr0 192.168.100.0/24 10.0.0.100
user@ovn:~$ ovn-nbctl lr-route-add lr0 192.168.200.0/24 172.16.0.254 lr0-ext
user@ovn:~$ ovn-nbctl --bfd lr-route-add lr0 192.168.201.0/24 172.16.0.253 lr0-ext
user@ovn:~$ ovn-nbctl lr-route-add lr0 ::/0 2001:db8::fe
user@ovn:~$ ovn-nbctl --ecmp-symmetric-reply lr-route-add lr0 0.0.0.0/0 172.16.0.254
user@ovn:~$ ovn-nbctl lr-route-add lr0 10.10.0.0/16 discard
user@ovn:~$ ovn-nbctl lr-policy-add lr0 1000 "ip4.src == 10.0.0.1" reroute 172.16.0.10,172.16.0.11
user@ovn:~$ ovn-nbctl lr-policy-add lr0 900 "ip4.dst == 8.8.8.8" drop
user@ovn:~$ ovn-nbctl --portrange lr-nat-add lr0 snat 172.16.0.1 10.0.0.0/24 1000-2000
user@ovn:~$ ovn-nbctl --add-route lr-nat-add lr0 dnat_and_snat 172.16.0.50 10.0.0.2
user@ovn:~$ ovn-nbctl lr-nat-add lr0 dnat 172.16.0.51 10.0.0.1
user@ovn:~$ ovn-nbctl lr-nat-add lr0 snat 2001:db8::1 fd00::/64
user@ovn:~$ ovn-nbctl lb-add lb0 172.16.0.100:80 10.0.0.1:8080,10.0.0.2:8080 tcp
user@ovn:~$ ovn-nbctl --reject lb-add lb-rej 172.16.0.101:80 "" tcp
user@ovn:~$ ovn-nbctl --event lb-add lb-ev 172.16.0.102:80 "" tcp
user@ovn:~$ hc=$(ovn-nbctl --id=@hc create Load_Balancer_Health_Check vip="172.16.0.100\:80" \
      options:interval=5 options:timeout=20 options:success_count=3 options:failure_count=3 \
      -- add Load_Balancer lb0 health_check @hc)
user@ovn:~$ ovn-nbctl set Load_Balancer lb0 ip_port_mappings:10.0.0.1=vm1:10.0.0.254
user@ovn:~$ ovn-nbctl lr-lb-add lr0 lb0 -- ls-lb-add sw0 lb0
user@ovn:~$ ovn-nbctl --may-exist ls-lb-add sw0 lb0
user@ovn:~$ ovn-nbctl --id=@dns create DNS records='{"vm1.ovn.org"="10.0.0.1", "vm2.ovn.org"="10.0.0.2"}' \
      -- add Logical_Switch sw0 dns_records @dns
user@ovn:~$ ovn-nbctl --id=@pg create Port_Group name=pg1 ports=$(ovn-nbctl --bare --columns=_uuid find Logical_Switch_Port name=vm1) \
      -- set Port_Group pg1 external_ids:desc=web
user@ovn:~$ ovn-nbctl dhcp-options-create 10.0.0.0/24 owner=me
user@ovn:~$ ovn-nbctl ls-add sw-tmp -- lsp-add sw-tmp tmp1 -- acl-add sw-tmp to-lport 10 ip drop
user@ovn:~$ ovn-nbctl ls-del sw-tmp
user@ovn:~$ ovn-nbctl lrp-add lr0 lr0-tmp 00:00:00:00:ff:99 10.99.0.1/24
user@ovn:~$ ovn-nbctl lrp-del lr0-tmp
