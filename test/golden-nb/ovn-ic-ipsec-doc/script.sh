# ovn-interconnection.rst and ovn-ipsec.rst as an operator pastes them (placeholders filled in);
# ts1 stands in for the transit switch ovn-ic would have created.
    $ ovn-nbctl set NB_Global . name=ovn-east
    $ ovn-nbctl ls-add ts1 -- set Logical_Switch ts1 other_config:interconn-ts=ts1
    $ ovn-nbctl find logical_switch other_config:interconn-ts=ts1
    $ ovn-nbctl lr-add lr1

1. Create a logical router port. ::

    $ ovn-nbctl lrp-add lr1 lrp-lr1-ts1 aa:aa:aa:aa:aa:01 169.254.100.1/24

   (The mac and IP are examples.)

2. Create a logical switch port on the transit switch and peer with the logical
   router port. ::

    $ ovn-nbctl lsp-add ts1 lsp-ts1-lr1 -- \
            lsp-set-addresses lsp-ts1-lr1 router -- \
            lsp-set-type lsp-ts1-lr1 router -- \
            lsp-set-options lsp-ts1-lr1 router-port=lrp-lr1-ts1

3. Assign gateway(s) for the logical router port. ::

    $ ovn-nbctl lrp-set-gateway-chassis lrp-lr1-ts1 gw-east-1 10
    $ ovn-nbctl lrp-set-gateway-chassis lrp-lr1-ts1 gw-east-2

    $ ovn-nbctl lr-route-add lr1 10.0.2.0/24 169.254.100.2

    $ ovn-nbctl set NB_Global . options:ic-route-adv=true \
                                options:ic-route-learn=true
    $ ovn-nbctl lr-route-list lr1
    IPv4 Routes
                 10.0.2.0/24             169.254.100.2 dst-ip (learned)

    $ ovs-vsctl set Open_vSwitch . \
            external_ids:ovn-encap-type=geneve \
            external_ids:ovn-encap-ip=192.168.1.10
    $ ovn-nbctl set nb_global . ipsec=true
    $ ovn-nbctl set nb_global . options:ipsec_encapsulation=true
    $ ovs-appctl -t ovs-monitor-ipsec tunnels/show
