# External ports (e.g. bare-metal behind a localnet), scheduled on a gateway chassis by an HA chassis group.
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-sbctl chassis-add gw1 geneve 172.16.0.10
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:0e:01 10.14.0.11"
ovn-nbctl lsp-add sw0 ln
ovn-nbctl lsp-set-type ln localnet
ovn-nbctl lsp-set-addresses ln unknown
ovn-nbctl lsp-set-options ln network_name=physnet1
ovn-nbctl ha-chassis-group-add hcg1
ovn-nbctl ha-chassis-group-add-chassis hcg1 gw1 30
hcg=$(ovn-nbctl --bare --columns=_uuid find HA_Chassis_Group name=hcg1)
ovn-nbctl lsp-add sw0 ext1
ovn-nbctl lsp-set-type ext1 external
ovn-nbctl lsp-set-addresses ext1 "50:54:00:00:0e:99 10.14.0.99"
ovn-nbctl set Logical_Switch_Port ext1 ha_chassis_group=$hcg
dhcp=$(ovn-nbctl create DHCP_Options cidr=10.14.0.0/24)
ovn-nbctl dhcp-options-set-options $dhcp lease_time=3600 router=10.14.0.1 server_id=10.14.0.1 server_mac=c0:ff:ee:00:0e:01
ovn-nbctl lsp-set-dhcpv4-options ext1 $dhcp
ovn-sbctl lsp-bind vm1 hv1
