# Localnet ports: one switch bridged to a physical network untagged, another on VLAN 100.
ovn-nbctl ls-add net1
ovn-nbctl lsp-add net1 net1-vm1
ovn-nbctl lsp-set-addresses net1-vm1 "50:54:00:00:0c:01 10.12.0.11"
ovn-nbctl lsp-add net1 net1-vm2
ovn-nbctl lsp-set-addresses net1-vm2 "50:54:00:00:0c:02 10.12.0.12"
ovn-nbctl lsp-add net1 net1-ln
ovn-nbctl lsp-set-type net1-ln localnet
ovn-nbctl lsp-set-addresses net1-ln unknown
ovn-nbctl lsp-set-options net1-ln network_name=physnet1
ovn-nbctl ls-add net2
ovn-nbctl lsp-add net2 net2-vm1
ovn-nbctl lsp-set-addresses net2-vm1 "50:54:00:00:0d:01 10.13.0.11"
ovn-nbctl lsp-add net2 net2-ln
ovn-nbctl lsp-set-type net2-ln localnet
ovn-nbctl lsp-set-addresses net2-ln unknown
ovn-nbctl lsp-set-options net2-ln network_name=physnet1
ovn-nbctl set Logical_Switch_Port net2-ln tag_request=100
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-sbctl chassis-add hv2 geneve 172.16.0.2
ovn-sbctl lsp-bind net1-vm1 hv1
ovn-sbctl lsp-bind net1-vm2 hv2
ovn-sbctl lsp-bind net2-vm1 hv1
