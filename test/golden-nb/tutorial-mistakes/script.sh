# A small topology, then (in queries.txt) the mistakes people make while following tutorials,
# each checked against the real ovn-nbctl's words.
$ ovn-nbctl ls-add sw0
$ ovn-nbctl lsp-add sw0 p1 -- lsp-set-addresses p1 "00:00:00:00:00:01 10.0.0.1"
$ ovn-nbctl lr-add lr0
$ ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.254/24
$ ovn-nbctl create Logical_Router name=gw0 options:chassis=hv1
$ ovn-nbctl lrp-add gw0 gw0-ext 00:00:00:00:ff:02 172.16.0.1/24
$ ovn-nbctl lb-add lb0 172.16.0.100:80 10.0.0.1:80
$ ovn-nbctl ha-chassis-group-add hg
