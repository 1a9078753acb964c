# DHCPv4: options row for the subnet, attached to two of three ports.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:09:01 10.9.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:09:02 10.9.0.12"
ovn-nbctl lsp-add sw0 vm3
ovn-nbctl lsp-set-addresses vm3 "50:54:00:00:09:03 10.9.0.13"
dhcp=$(ovn-nbctl create DHCP_Options cidr=10.9.0.0/24)
ovn-nbctl dhcp-options-set-options $dhcp lease_time=3600 router=10.9.0.1 server_id=10.9.0.1 server_mac=c0:ff:ee:00:09:01 dns_server=8.8.8.8 mtu=1442
ovn-nbctl lsp-set-dhcpv4-options vm1 $dhcp
ovn-nbctl lsp-set-dhcpv4-options vm2 $dhcp
