# Pipes and && / || lists from pasted sessions: uuids fished out with grep/awk/head/cut,
# `|| true` after a command that fails, `&&` chains, output filtered for the reader.
[root@central ~]# ovn-nbctl ls-add sw0
[root@central ~]# ovn-nbctl ls-add sw1 > /dev/null 2>&1
[root@central ~]# ovn-nbctl ls-list | grep sw0
6a2c5f0e-3f0e-4e8e-9d1b-0c1f5c6d7e8f (sw0)
[root@central ~]# LS=$(ovn-nbctl ls-list | grep sw1 | awk '{print $1}')
[root@central ~]# ovn-nbctl set logical_switch $LS other_config:subnet=10.1.0.0/24
[root@central ~]# ovn-nbctl lsp-add sw0 p1 2>/dev/null || true
[root@central ~]# ovn-nbctl lsp-add sw0 p1 2>/dev/null || echo "p1 already exists"
p1 already exists
[root@central ~]# ovn-nbctl show | head -3
[root@central ~]# ovn-nbctl ls-add sw3 \
    && ovn-nbctl lsp-add sw3 p3
[root@central ~]# ovn-nbctl ls-add sw3 && ovn-nbctl lsp-add sw3 p3-never
[root@central ~]# ovn-nbctl lsp-add sw3 p4 && ovn-nbctl lsp-set-addresses p4 "00:00:00:00:00:04 10.3.0.4"
[root@central ~]# P4=$(ovn-nbctl --bare --columns=_uuid,name list logical_switch_port | grep -B1 p4 | head -1)
[root@central ~]# ovn-nbctl set logical_switch_port $P4 external_ids:found=yes
[root@central ~]# SW3=$(ovn-nbctl ls-list | grep -w sw3 | cut -d' ' -f1)
[root@central ~]# ovn-nbctl lsp-add $SW3 p5
[root@central ~]# N=$(ovn-nbctl lsp-list sw3 | wc -l)
[root@central ~]# ovn-nbctl set logical_switch sw3 external_ids:ports=$N
[root@central ~]# ovn-nbctl lr-add lr0; ovn-nbctl lrp-add lr0 lrp0 00:00:00:00:ff:01 10.3.0.1/24; ovn-nbctl lsp-add sw3 sw3-lr0
[root@central ~]# LRP=$(ovn-nbctl find Logical_Router_Port name=lrp0 | awk '/^_uuid/ {print $3}')
[root@central ~]# ovn-nbctl set Logical_Router_Port $LRP options:foo=bar
[root@central ~]# ovn-nbctl lsp-set-addresses p5 “00:00:00:00:00:05”
[root@central ~]# ovn-nbctl ls-add never
