/** Where the demo's stand-in gateway lives on this server, and whether a payment URL points at it. */

export const DEMO_GATEWAY_PATH = '/demo/gateway';

export const demoGatewayUrl = (publicUrl: string): string => `${publicUrl}${DEMO_GATEWAY_PATH}`;

/** Whether `paymentUrl` is this server's own stand-in gateway (same origin and path; a query is allowed). */
export function pointsAtDemoGateway(paymentUrl: string | null, publicUrl: string): boolean {
  if (!paymentUrl || !URL.canParse(paymentUrl) || !URL.canParse(demoGatewayUrl(publicUrl))) return false;
  const given = new URL(paymentUrl);
  const own = new URL(demoGatewayUrl(publicUrl));
  return given.origin === own.origin && given.pathname.replace(/\/+$/, '') === own.pathname;
}
