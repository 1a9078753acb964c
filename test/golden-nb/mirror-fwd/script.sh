# Port mirroring and forwarding groups.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 p1 -- lsp-add sw0 p2 -- lsp-add sw0 p3
ovn-nbctl mirror-add m1 gre 5 to-lport 10.0.0.100
ovn-nbctl mirror-add m2 erspan 7 from-lport fd00::100
ovn-nbctl lsp-attach-mirror p1 m1
ovn-nbctl lsp-attach-mirror p2 m1 -- lsp-attach-mirror p2 m2
ovn-nbctl lsp-detach-mirror p2 m1
ovn-nbctl --liveness fwd-group-add fwd1 sw0 10.0.0.200 00:00:00:00:00:c8 p2 p3
