# Two switches over three chassis, every VM bound (ports come up, as ovn-controller reports them).
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-sbctl chassis-add hv2 geneve 172.16.0.2
ovn-sbctl chassis-add hv3 geneve 172.16.0.3
ovn-nbctl ls-add red
ovn-nbctl ls-add blue
ovn-nbctl lsp-add red red-vm1
ovn-nbctl lsp-set-addresses red-vm1 "50:54:00:00:12:01 10.18.0.11"
ovn-nbctl lsp-set-port-security red-vm1 "50:54:00:00:12:01 10.18.0.11"
ovn-nbctl lsp-add red red-vm2
ovn-nbctl lsp-set-addresses red-vm2 "50:54:00:00:12:02 10.18.0.12"
ovn-nbctl lsp-add red red-vm3
ovn-nbctl lsp-set-addresses red-vm3 "50:54:00:00:12:03 10.18.0.13"
ovn-nbctl lsp-add blue blue-vm1
ovn-nbctl lsp-set-addresses blue-vm1 "50:54:00:00:13:01 10.18.0.11"
ovn-nbctl lsp-add blue blue-vm2
ovn-nbctl lsp-set-addresses blue-vm2 "50:54:00:00:13:02 10.18.0.12"
ovn-nbctl lsp-set-enabled blue-vm2 disabled
ovn-sbctl lsp-bind red-vm1 hv1
ovn-sbctl lsp-bind red-vm2 hv2
ovn-sbctl lsp-bind red-vm3 hv3
ovn-sbctl lsp-bind blue-vm1 hv2
ovn-sbctl lsp-bind blue-vm2 hv3
