/** Live pricing cannot work at all (no credentials, no network): the caller falls back to the snapshot. */
export class LivePricingUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LivePricingUnavailableError';
  }
}
