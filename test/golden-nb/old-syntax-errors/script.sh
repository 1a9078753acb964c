# A 2016-era tutorial pasted into a 23.03 system: the first commands still work, then a command
# renamed long ago (lport-set-addresses) is rejected; the session stops there.
$ ovn-nbctl ls-add sw0
$ ovn-nbctl lsp-add sw0 sw0-port1
$ ovn-nbctl lsp-set-addresses sw0-port1 00:00:00:00:00:01
$ ovn-nbctl lport-set-addresses sw0-port1 00:00:00:00:00:02
$ ovn-nbctl lport-add sw0 sw0-port2
$ ovn-nbctl lswitch-add sw1
