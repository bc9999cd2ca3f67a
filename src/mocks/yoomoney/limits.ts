/**
 * The largest campaigns/add-pins body read, inflated. The provider documents no maximum (research
 * yoomoney.md §5.4). Everything an add-pins call costs is synchronous (JSON.parse of the body, one
 * insert per code into the pin store and its index, the journal entry) and blocks every tenant while
 * it runs, so the bound is set by what the other tenants can bear: bench/tenant-isolation.ts uploads
 * the largest body this accepts while another tenant polls, and its p99 must stay under 100 ms. At
 * 13 bytes a 10-character code this is about 40,000 codes a call; more codes take several calls
 * (the answer's 413 says so).
 */
export const ADD_PINS_BODY_LIMIT_BYTES = 512 * 1024;
