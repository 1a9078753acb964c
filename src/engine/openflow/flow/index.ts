// The OpenFlow flow language of ovs-ofctl 3.1: see types.ts for the data and notes/openflow-flow-api.md.
export * from './types';
export { FIELDS, FLOW_SLOTS, fieldByName, fieldByNxmName, readField, writeField, allOnes } from './fields';
export { parseFlow, parseMatch, normalizeFlow, formatFlow, formatDuration, prereqsOk } from './flow';
export { parseActions } from './actions-parse';
export { formatActionList as formatActions, normalizeActions } from './actions-format';
export { emptyMatch, formatMatch, matchGet, matchSet, normalizeMatch } from './match';
export { parseGroup, formatGroup } from './group';
export { formatSubfield, parseSubfield } from './subfield';
export { formatPort, mfFormat, mfParse, parsePort } from './values';
