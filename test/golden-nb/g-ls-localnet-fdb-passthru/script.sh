# A localnet port that learns MACs into the FDB, on a switch that passes VLAN-tagged frames; an unknown port.
ovn-nbctl ls-add sw0
ovn-nbctl set Logical_Switch sw0 other_config:vlan-passthru=true
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:1b:01 10.27.0.11"
ovn-nbctl lsp-add sw0 vm-any
ovn-nbctl lsp-set-addresses vm-any unknown
ovn-nbctl lsp-add sw0 ln
ovn-nbctl lsp-set-type ln localnet
ovn-nbctl lsp-set-addresses ln unknown
ovn-nbctl lsp-set-options ln network_name=physnet1 localnet_learn_fdb=true
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-sbctl lsp-bind vm1 hv1
ovn-sbctl lsp-bind vm-any hv1
