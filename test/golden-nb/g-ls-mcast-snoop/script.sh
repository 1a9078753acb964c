# IGMP/MLD snooping with a querier; one port gets all multicast (mcast_flood), one all IGMP/MLD reports.
ovn-nbctl ls-add sw0
ovn-nbctl set Logical_Switch sw0 other_config:mcast_snoop=true other_config:mcast_querier=true other_config:mcast_eth_src=00:00:00:00:10:fe other_config:mcast_ip4_src=10.16.0.254 other_config:mcast_ip6_src=fe80::fe
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:10:01 10.16.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:10:02 10.16.0.12"
ovn-nbctl lsp-add sw0 vm3
ovn-nbctl lsp-set-addresses vm3 "50:54:00:00:10:03 10.16.0.13"
ovn-nbctl lsp-set-options vm3 mcast_flood=true
ovn-nbctl lsp-set-options vm2 mcast_flood_reports=true
ovn-nbctl ls-add sw1
ovn-nbctl set Logical_Switch sw1 other_config:mcast_snoop=true other_config:mcast_flood_unregistered=true
ovn-nbctl lsp-add sw1 sw1-vm1
ovn-nbctl lsp-set-addresses sw1-vm1 "50:54:00:00:11:01 10.17.0.11"
ovn-nbctl lsp-add sw1 sw1-vm2
ovn-nbctl lsp-set-addresses sw1-vm2 "50:54:00:00:11:02 10.17.0.12"
