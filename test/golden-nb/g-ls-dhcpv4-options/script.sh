# DHCPv4 with many options (strings, lists, routes, timers) and a per-port hostname.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:21:01 10.33.0.11"
ovn-nbctl lsp-set-options vm1 hostname=vm1-host
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:21:02 10.33.0.12 10.34.0.12"
dhcp=$(ovn-nbctl create DHCP_Options cidr=10.33.0.0/24)
ovn-nbctl dhcp-options-set-options $dhcp lease_time=7200 router=10.33.0.1 server_id=10.33.0.1 server_mac=c0:ff:ee:00:21:01 'dns_server={8.8.8.8,1.1.1.1}' domain_name='"ovn.example"' 'classless_static_route={30.0.0.0/24,10.33.0.2, 0.0.0.0/0,10.33.0.1}' T1=3000 T2=6000 ntp_server=10.33.0.3 bootfile_name='"pxelinux.0"' tftp_server='"10.33.0.4"' wpad='"http://wpad.ovn.example/wpad.dat"'
ovn-nbctl lsp-set-dhcpv4-options vm1 $dhcp
ovn-nbctl lsp-set-dhcpv4-options vm2 $dhcp
