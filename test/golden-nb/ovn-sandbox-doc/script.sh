Once you have ``ovs-sandbox`` running with OVN enabled, you can start using OVN
utilities to create resources in OVN.  As an example, we will create an
environment that has two logical switches connected by a logical router.

Create the first logical switch with one port::

    $ ovn-nbctl ls-add sw0
    $ ovn-nbctl lsp-add sw0 sw0-port1
    $ ovn-nbctl lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2"

Create the second logical switch with one port::

    $ ovn-nbctl ls-add sw1
    $ ovn-nbctl lsp-add sw1 sw1-port1
    $ ovn-nbctl lsp-set-addresses sw1-port1 "50:54:00:00:00:03 11.0.0.2"

Create the logical router and attach both logical switches::

    $ ovn-nbctl lr-add lr0
    $ ovn-nbctl lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24
    $ ovn-nbctl lsp-add sw0 lrp0-attachment
    $ ovn-nbctl lsp-set-type lrp0-attachment router
    $ ovn-nbctl lsp-set-addresses lrp0-attachment 00:00:00:00:ff:01
    $ ovn-nbctl lsp-set-options lrp0-attachment router-port=lrp0
    $ ovn-nbctl lrp-add lr0 lrp1 00:00:00:00:ff:02 11.0.0.1/24
    $ ovn-nbctl lsp-add sw1 lrp1-attachment
    $ ovn-nbctl lsp-set-type lrp1-attachment router
    $ ovn-nbctl lsp-set-addresses lrp1-attachment 00:00:00:00:ff:02
    $ ovn-nbctl lsp-set-options lrp1-attachment router-port=lrp1

View a summary of OVN's current logical configuration::

    $ ovn-nbctl show
        switch 1396cf55-d176-4082-9a55-1c06cef626e4 (sw1)
            port lrp1-attachment
                addresses: ["00:00:00:00:ff:02"]
            port sw1-port1
                addresses: ["50:54:00:00:00:03 11.0.0.2"]
        switch 2c9d6d03-09fc-4e32-8da6-305f129b0d53 (sw0)
            port lrp0-attachment
                addresses: ["00:00:00:00:ff:01"]
            port sw0-port1
                addresses: ["50:54:00:00:00:01 192.168.0.2"]
        router f8377e8c-f75e-4fc8-8751-f3ea03c6dd98 (lr0)
            port lrp0
                mac: "00:00:00:00:ff:01"
                networks: ["192.168.0.1/24"]
            port lrp1
                mac: "00:00:00:00:ff:02"
                networks: ["11.0.0.1/24"]

The ``tutorial`` directory of the OVS source tree includes a script
