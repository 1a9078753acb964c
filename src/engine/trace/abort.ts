// Where real ovn-trace dies on an assertion (and prints no trace), the executor throws this; trace()
// turns it into a failure carrying ovn-trace's assertion text.
export class TraceAbort extends Error {}
