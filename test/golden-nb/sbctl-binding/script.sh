# Chassis registered and ports bound by hand with ovn-sbctl, as sandbox tutorials do without
# ovn-controller; `up` follows the bindings. Ends with a bind to an unknown chassis.
[root@central ~]# ovn-nbctl ls-add sw0
[root@central ~]# ovn-nbctl lsp-add sw0 sw0-p1 -- lsp-set-addresses sw0-p1 "00:00:00:00:00:01 10.0.0.1"
[root@central ~]# ovn-nbctl lsp-add sw0 sw0-p2 -- lsp-set-addresses sw0-p2 "00:00:00:00:00:02 10.0.0.2"
[root@central ~]# ovn-sbctl chassis-add hv1 geneve 192.168.0.11
[root@central ~]# ovn-sbctl chassis-add hv2 geneve 192.168.0.12
[root@central ~]# ovn-sbctl lsp-bind sw0-p1 hv1
[root@central ~]# ovn-sbctl lsp-bind sw0-p2 hv2
[root@central ~]# ovn-sbctl lsp-unbind sw0-p2
[root@central ~]# ovn-sbctl chassis-add hv1 geneve 192.168.0.13 || echo again
[root@central ~]# ovn-sbctl lsp-bind sw0-p2 hv9
