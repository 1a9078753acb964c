// ovn-controller 23.03's OpenFlow table numbers (controller/lflow.h) and the registers that carry the
// logical pipeline's state (include/ovn/logical-fields.h).

export const OFTABLE_PHY_TO_LOG = 0;
export const OFTABLE_LOG_INGRESS_PIPELINE = 8;
export const OFTABLE_OUTPUT_LARGE_PKT_DETECT = 37;
export const OFTABLE_OUTPUT_LARGE_PKT_PROCESS = 38;
export const OFTABLE_REMOTE_OUTPUT = 39;
export const OFTABLE_LOCAL_OUTPUT = 40;
export const OFTABLE_CHECK_LOOPBACK = 41;
/** Start of the output section: ingress `output;` resubmits here. */
export const OFTABLE_OUTPUT_INIT = OFTABLE_OUTPUT_LARGE_PKT_DETECT;
export const OFTABLE_LOG_EGRESS_PIPELINE = 42;
export const OFTABLE_SAVE_INPORT = 64;
export const OFTABLE_LOG_TO_PHY = 65;
export const OFTABLE_MAC_BINDING = 66;
export const OFTABLE_MAC_LOOKUP = 67;
export const OFTABLE_CHK_LB_HAIRPIN = 68;
export const OFTABLE_CHK_LB_HAIRPIN_REPLY = 69;
export const OFTABLE_CT_SNAT_HAIRPIN = 70;
export const OFTABLE_GET_FDB = 71;
export const OFTABLE_LOOKUP_FDB = 72;
export const OFTABLE_CHK_IN_PORT_SEC = 73;
export const OFTABLE_CHK_IN_PORT_SEC_ND = 74;
export const OFTABLE_CHK_OUT_PORT_SEC = 75;
export const OFTABLE_ECMP_NH_MAC = 76;
export const OFTABLE_ECMP_NH = 77;
export const OFTABLE_CHK_LB_AFFINITY = 78;

/** MFF_LOG_* registers (OVS field names). */
export const MFF_LOG_DATAPATH = 'metadata';
export const MFF_LOG_FLAGS = 'reg10';
export const MFF_LOG_DNAT_ZONE = 'reg11';
export const MFF_LOG_SNAT_ZONE = 'reg12';
export const MFF_LOG_CT_ZONE = 'reg13';
export const MFF_LOG_INPORT = 'reg14';
export const MFF_LOG_OUTPORT = 'reg15';
/** MFF_N_LOG_REGS: reg0…reg9 are cleared between the ingress and egress pipelines. */
export const MFF_N_LOG_REGS = 10;

/** MLF_* bits of MFF_LOG_FLAGS. */
export const MLF_ALLOW_LOOPBACK_BIT = 0;
export const MLF_RCV_FROM_RAMP_BIT = 1;
export const MLF_LOCAL_ONLY_BIT = 4;
export const MLF_NESTED_CONTAINER_BIT = 5;
export const MLF_LOOKUP_MAC_BIT = 6;
export const MLF_LOOKUP_FDB_BIT = 8;
export const MLF_LOCALPORT_BIT = 10;
export const MLF_CHECK_PORT_SEC_BIT = 12;

/** Multicast group keys start here (ovn/lib: OVN_MIN_MULTICAST). */
export const OVN_MIN_MULTICAST = 32768;
