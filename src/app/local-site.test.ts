import { describe, expect, it } from 'vitest';
import { pointsAtDemoGateway } from './demo-gateway-url.ts';
import { isLocalUrl } from './local-site.ts';

describe('isLocalUrl: whether a site that hands out this address can be reached only from this machine', () => {
  it.each([
    'http://127.0.0.1:3000',
    'http://127.8.9.10',
    'http://localhost:3000',
    'https://LOCALHOST',
    'http://studio.localhost:3000',
    'http://[::1]:3000',
    'http://2130706433/', // 127.0.0.1 in decimal
    'http://0x7f.1/',
    'http://[::ffff:127.0.0.1]/',
  ])('%s is local', (url) => {
    expect(isLocalUrl(url)).toBe(true);
  });

  it.each([
    'https://booking.example.test',
    'http://0.0.0.0:3000', // every interface
    'http://[::]:3000',
    'http://10.0.0.5:3000',
    'http://192.168.1.20',
    'http://127.0.0.1.example.test',
    'http://localhost.example.test',
    'http://[::ffff:10.0.0.1]/',
    'not a url',
  ])('%s is not', (url) => {
    expect(isLocalUrl(url)).toBe(false);
  });
});

describe('pointsAtDemoGateway', () => {
  const site = 'http://127.0.0.1:3000';
  it.each([
    ['http://127.0.0.1:3000/demo/gateway', true],
    ['http://127.0.0.1:3000/demo/gateway/', true],
    ['http://127.0.0.1:3000/demo/gateway?shop=1', true],
    ['http://127.0.0.1:4000/demo/gateway', false], // another server's
    ['https://pay.example.test/checkout', false],
    ['https://pay.example.test/demo/gateway', false],
    ['http://127.0.0.1:3000/demo/gateway/x', false],
    [null, false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(pointsAtDemoGateway(url, site)).toBe(expected);
  });
});
