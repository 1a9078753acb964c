# DHCPv6 (stateful and stateless options) on IPv6 ports.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:0a:01 fd0a::11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:0a:02 fd0a::12"
d6=$(ovn-nbctl create DHCP_Options 'cidr="fd0a::/64"')
ovn-nbctl dhcp-options-set-options $d6 server_id=00:00:00:10:00:01 dns_server=fd0a::53
d6s=$(ovn-nbctl create DHCP_Options 'cidr="fd0a::/64"')
ovn-nbctl dhcp-options-set-options $d6s server_id=00:00:00:10:00:02 dhcpv6_stateless=true
ovn-nbctl lsp-set-dhcpv6-options vm1 $d6
ovn-nbctl lsp-set-dhcpv6-options vm2 $d6s
