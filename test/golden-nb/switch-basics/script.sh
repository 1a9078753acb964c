# Switch ports: addresses, port security, types, options, tags, enabled, DHCP options, generic set.
ovn-nbctl ls-add sw0
ovn-nbctl ls-add sw1
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:00:01 10.0.0.11" "50:54:00:00:00:11 10.0.0.111 fd00::11"
ovn-nbctl lsp-set-port-security vm1 "50:54:00:00:00:01 10.0.0.11"
ovn-nbctl lsp-add sw0 vm2 -- lsp-set-addresses vm2 "50:54:00:00:00:02 10.0.0.12"
ovn-nbctl lsp-add sw0 gw -- lsp-set-addresses gw unknown
ovn-nbctl lsp-add sw0 child1 vm1 42
ovn-nbctl lsp-add sw1 ln -- lsp-set-type ln localnet -- lsp-set-addresses ln unknown \
    -- lsp-set-options ln network_name=physnet1
ovn-nbctl set Logical_Switch_Port ln tag_request=100
ovn-nbctl lsp-add sw1 dyn -- lsp-set-addresses dyn dynamic
ovn-nbctl lsp-set-enabled vm2 disabled
ovn-nbctl set Logical_Switch sw0 other_config:subnet=10.0.0.0/24 external_ids:owner=me
ovn-nbctl set Logical_Switch_Port vm2 external_ids:iface=vif2 'external_ids:"odd key"="a b"'
dhcp=$(ovn-nbctl create DHCP_Options cidr=10.0.0.0/24)
ovn-nbctl dhcp-options-set-options $dhcp lease_time=3600 router=10.0.0.1 server_id=10.0.0.1 server_mac=c0:ff:ee:00:00:01
ovn-nbctl lsp-set-dhcpv4-options vm1 $dhcp
ovn-nbctl --may-exist ls-add sw0
ovn-nbctl --if-exists lsp-del nosuch
