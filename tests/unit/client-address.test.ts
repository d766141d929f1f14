import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ADDRESS_HEADER, clientAddressFromHeaders, clientAddressStamper, forgetClientAddressStamper, proxyAppendedAddress,
  resolveClientAddress, trustProxy, UNKNOWN_ADDRESS,
} from '@/lib/auth/client-address';

afterEach(() => forgetClientAddressStamper());

/** A request as Node's HTTP server hands it over: headers lower-cased, a socket with a peer. */
function incoming(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const req = new IncomingMessage(socket);
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return req;
}

describe('TRUST_PROXY', () => {
  it.each([[undefined, false], ['', false], ['0', false], [' 1 ', true], ['1', true]])('%j means trust the proxy: %s', (value, trusted) => {
    expect(trustProxy({ TRUST_PROXY: value })).toBe(trusted);
  });

  it.each(['true', 'yes', '2', 'on'])('refuses %j, naming the values it takes', (value) => {
    expect(() => trustProxy({ TRUST_PROXY: value })).toThrow(
      `TRUST_PROXY must be 1 (behind a reverse proxy that appends the client's address to X-Forwarded-For) or 0 (the default: clients connect directly), not "${value}".`,
    );
    expect(() => clientAddressStamper({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be 1/);
  });
});

describe('the client address', () => {
  it('is the socket address, whatever X-Forwarded-For says, unless the proxy is trusted', () => {
    expect(resolveClientAddress({ socketAddress: '198.51.100.7', forwardedFor: '203.0.113.9', trustProxy: false })).toBe('198.51.100.7');
    expect(resolveClientAddress({ socketAddress: '::ffff:127.0.0.1', forwardedFor: undefined, trustProxy: false })).toBe('127.0.0.1');
    expect(resolveClientAddress({ socketAddress: '::1', forwardedFor: undefined, trustProxy: false })).toBe('::1');
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: '203.0.113.9', trustProxy: false })).toBe(UNKNOWN_ADDRESS);
  });

  it('behind a trusted proxy is the right-most X-Forwarded-For entry, the one the proxy appended', () => {
    // The client sent "1.2.3.4, 5.6.7.8"; the proxy appended the address it saw.
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '1.2.3.4, 5.6.7.8, 203.0.113.9', trustProxy: true })).toBe('203.0.113.9');
    // Repeated header lines are one list in order.
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: ['1.2.3.4', '203.0.113.9'], trustProxy: true })).toBe('203.0.113.9');
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '1.2.3.4, 2001:DB8::1 ', trustProxy: true })).toBe('2001:db8::1');
  });

  it('behind a trusted proxy falls back to the socket when the proxy added nothing usable', () => {
    for (const forwardedFor of [undefined, '', ' , ', '1.2.3.4, not-an-address', '1.2.3.4, 203.0.113.9:5555']) {
      expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor, trustProxy: true })).toBe('10.0.0.2');
    }
    expect(proxyAppendedAddress('1.2.3.4,')).toBe('1.2.3.4');
  });
});

describe('the production server stamps every request', () => {
  it('with the socket address, replacing a client-supplied value of its header and ignoring X-Forwarded-For', () => {
    const stamp = clientAddressStamper({});
    const req = incoming('198.51.100.7', { [CLIENT_ADDRESS_HEADER.toUpperCase()]: '192.0.2.1', 'X-Forwarded-For': '192.0.2.2' });
    stamp(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.7');
    expect(clientAddressFromHeaders(new Headers(req.headers as Record<string, string>), {})).toBe('198.51.100.7');
  });

  it('with TRUST_PROXY=1, with the proxy-appended entry, still replacing the header', () => {
    const stamp = clientAddressStamper({ TRUST_PROXY: '1' });
    const req = incoming('10.0.0.2', { [CLIENT_ADDRESS_HEADER]: '192.0.2.1', 'x-forwarded-for': '192.0.2.2, 203.0.113.9' });
    stamp(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.9');
  });
});

describe('the app reads the address', () => {
  const spoofed = new Headers({ [CLIENT_ADDRESS_HEADER]: '192.0.2.1', 'x-forwarded-for': '192.0.2.2, 203.0.113.9' });

  it('from the stamped header under the production server', () => {
    clientAddressStamper({});
    expect(clientAddressFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: '198.51.100.7' }), {})).toBe('198.51.100.7');
  });

  it('never from a header the client wrote when no server stamps requests (next dev)', () => {
    expect(clientAddressFromHeaders(spoofed, {})).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFromHeaders(spoofed, { TRUST_PROXY: '1' })).toBe('203.0.113.9');
  });
});
