/**
 * Peak resident set size of this process so far, in MiB. The kernel keeps the high-water mark
 * (`getrusage` maxrss), so nothing is missed between samples; each case runs in its own process, so each
 * gets its own peak.
 */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
