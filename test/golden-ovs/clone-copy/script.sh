ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
for p in 1 2 3 4; do ovs-vsctl add-port br0 p$p -- set Interface p$p type=dummy ofport_request=$p; done
cat > flows.txt <<'FLOWS'
table=0,in_port=1,actions=clone(mod_dl_dst:00:00:00:00:00:aa,load:0x7->NXM_NX_REG1[],resubmit(,1)),resubmit(,1),output:4
table=0,in_port=2,ip,actions=clone(set_field:192.168.1.1->ip_src,output:3),clone(output:4)
table=0,in_port=3,ip,actions=clone(dec_ttl,output:1),output:2
table=1,reg1=7,actions=output:2
table=1,reg1=0,dl_dst=00:00:00:00:00:aa,actions=output:3
table=1,priority=0,actions=output:1
FLOWS
ovs-ofctl add-flows br0 flows.txt
