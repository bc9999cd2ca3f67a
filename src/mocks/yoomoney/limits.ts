/** The largest campaigns/add-pins body read, inflated (the provider documents no maximum). */
export const ADD_PINS_BODY_LIMIT_BYTES = 128 * 1024 * 1024;
