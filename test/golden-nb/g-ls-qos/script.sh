# QoS: DSCP marking and rate-limiting meters, both directions.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:0f:01 10.15.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:0f:02 10.15.0.12"
ovn-nbctl lsp-add sw0 vm3
ovn-nbctl lsp-set-addresses vm3 "50:54:00:00:0f:03 10.15.0.13"
ovn-nbctl qos-add sw0 from-lport 100 'inport == "vm1"' dscp=10
ovn-nbctl qos-add sw0 from-lport 200 'inport == "vm2" && ip4' rate=1000 burst=100
ovn-nbctl qos-add sw0 to-lport 100 'outport == "vm3" && udp' dscp=20 rate=2000
