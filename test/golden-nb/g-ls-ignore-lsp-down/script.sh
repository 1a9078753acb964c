# NB_Global options:ignore_lsp_down=false: ARP/ND responders only for ports that are up (bound).
ovn-nbctl set NB_Global . options:ignore_lsp_down=false
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 up1
ovn-nbctl lsp-set-addresses up1 "50:54:00:00:19:01 10.25.0.11 fd19::11"
ovn-nbctl lsp-add sw0 down1
ovn-nbctl lsp-set-addresses down1 "50:54:00:00:19:02 10.25.0.12 fd19::12"
ovn-nbctl lsp-add sw0 up2
ovn-nbctl lsp-set-addresses up2 "50:54:00:00:19:03 10.25.0.13"
ovn-sbctl lsp-bind up1 hv1
ovn-sbctl lsp-bind up2 hv1
