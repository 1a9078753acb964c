# IPAM: dynamic MAC and IP addresses from the switch's subnet, with excluded ranges and an IPv6 prefix.
ovn-nbctl set NB_Global . options:mac_prefix=0a:00:00
ovn-nbctl ls-add sw0
ovn-nbctl set Logical_Switch sw0 other_config:subnet=10.1.0.0/24 other_config:exclude_ips="10.1.0.2..10.1.0.5"
ovn-nbctl set Logical_Switch sw0 other_config:ipv6_prefix=fd11::
ovn-nbctl lsp-add sw0 d1
ovn-nbctl lsp-set-addresses d1 dynamic
ovn-nbctl lsp-add sw0 d2
ovn-nbctl lsp-set-addresses d2 "50:54:00:00:02:02 dynamic"
ovn-nbctl lsp-add sw0 s3
ovn-nbctl lsp-set-addresses s3 "50:54:00:00:02:03 10.1.0.50"
ovn-nbctl lsp-add sw0 d4
ovn-nbctl lsp-set-addresses d4 dynamic
ovn-nbctl lsp-set-port-security d4 dynamic
