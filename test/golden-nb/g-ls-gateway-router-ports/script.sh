# Switches facing routers in gateway roles: a distributed router with a gateway port (chassisredirect)
# and NAT on a localnet switch, and a gateway router (l3gateway) on a transit switch.
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-sbctl chassis-add gw1 geneve 172.16.0.10
ovn-nbctl ls-add inside
ovn-nbctl lsp-add inside vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:1d:01 10.29.0.11"
ovn-nbctl lsp-add inside vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:1d:02 10.29.0.12"
ovn-nbctl lr-add lr0
ovn-nbctl lrp-add lr0 lr0-inside 00:00:00:00:1d:01 10.29.0.1/24
ovn-nbctl lsp-add inside inside-lr0
ovn-nbctl lsp-set-type inside-lr0 router
ovn-nbctl lsp-set-addresses inside-lr0 router
ovn-nbctl lsp-set-options inside-lr0 router-port=lr0-inside
ovn-nbctl ls-add public
ovn-nbctl lrp-add lr0 lr0-public 00:00:00:00:1d:fe 172.29.0.1/24
ovn-nbctl lrp-set-gateway-chassis lr0-public gw1 20
ovn-nbctl lsp-add public public-lr0
ovn-nbctl lsp-set-type public-lr0 router
ovn-nbctl lsp-set-addresses public-lr0 router
ovn-nbctl lsp-set-options public-lr0 router-port=lr0-public nat-addresses=router
ovn-nbctl lsp-add public public-ln
ovn-nbctl lsp-set-type public-ln localnet
ovn-nbctl lsp-set-addresses public-ln unknown
ovn-nbctl lsp-set-options public-ln network_name=physnet1
ovn-nbctl lr-nat-add lr0 snat 172.29.0.1 10.29.0.0/24
ovn-nbctl lr-nat-add lr0 dnat_and_snat 172.29.0.100 10.29.0.11 vm1 00:00:00:00:1d:64
ovn-nbctl lr-add gr0
ovn-nbctl set Logical_Router gr0 options:chassis=hv1
ovn-nbctl ls-add transit
ovn-nbctl lrp-add gr0 gr0-transit 00:00:00:00:1d:aa 100.64.0.1/24
ovn-nbctl lsp-add transit transit-gr0
ovn-nbctl lsp-set-type transit-gr0 router
ovn-nbctl lsp-set-addresses transit-gr0 router
ovn-nbctl lsp-set-options transit-gr0 router-port=gr0-transit
ovn-nbctl lsp-add transit transit-vm
ovn-nbctl lsp-set-addresses transit-vm "50:54:00:00:1d:99 100.64.0.99"
ovn-sbctl lsp-bind vm1 hv1
ovn-sbctl lsp-bind vm2 hv1
ovn-sbctl lsp-bind transit-vm hv1
mac-binding-add lr0-public 172.29.0.50 50:54:00:00:1d:50
