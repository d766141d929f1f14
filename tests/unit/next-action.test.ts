import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { actionIdFromFlight, actionResult, encodeActionArguments, flightPayload } from '../../scripts/bench/next-action';

// The encoder the browser runs: React's own encodeReply, from the copy Next.js ships.
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The HTML Next renders embeds the Flight payload as string chunks pushed to self.__next_f. */
const page = (...chunks: string[]) =>
  `<html><body><form action="javascript:throw new Error('React form unexpectedly submitted.')"></form>${chunks
    .map((c) => `<script nonce="n">self.__next_f.push([1,${JSON.stringify(c)}])</script>`)
    .join('')}</body></html>`;

const FLIGHT = [
  '19:{"id":"00ded611ca08067c7b50d3539192c0fad910c5a3e4","bound":null}\n',
  '1a:["$","form",null,{"action":"$h19","children":"Sign out"}]\n1c:{"id":"6045b35b1627795ccc12494bb31b225fd49ef4cb78","bound":null}\n',
  '1d:["$","$L1b",null,{"action":"$h1c","options":{"events":[]},"figure":{"eventId":1},"submitLabel":"Add figure"}]\n',
];

describe('finding a server action the way the browser does', () => {
  it('joins the Flight chunks of a page, undoing their string escapes', () => {
    expect(flightPayload(page(...FLIGHT))).toBe(FLIGHT.join(''));
    expect(flightPayload('<html>no payload</html>')).toBe('');
  });

  it('takes the action passed to the component with the marker, not another form on the page', () => {
    expect(actionIdFromFlight(FLIGHT.join(''), '"submitLabel":"Add figure"')).toBe('6045b35b1627795ccc12494bb31b225fd49ef4cb78');
  });

  it('fails loudly when the form or its action is not on the page', () => {
    expect(() => actionIdFromFlight(FLIGHT.join(''), '"submitLabel":"Save"')).toThrow('has no "submitLabel":"Save"');
    expect(() => actionIdFromFlight(FLIGHT[2] as string, '"submitLabel":"Add figure"')).toThrow('does not define the server reference $h1c');
  });
});

describe('encoding the arguments of (previousState, formData)', () => {
  it('gives exactly the body React encodeReply gives, escapes included', async () => {
    const fields: Array<[string, string]> = [['email', 'editor@example.org'], ['note', '$not a reference'], ['note', 'twice']];
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    const previous = { status: 'idle', key: 0, message: '$1' };
    const ours = encodeActionArguments(previous, fields);
    const react = await encodeReply([previous, form]);
    expect(react).toBeInstanceOf(FormData);
    expect([...ours.entries()]).toEqual([...(react as FormData).entries()]);
  });
});

describe('reading the answer of an action', () => {
  it('finds the returned form state through the root row', () => {
    const body = '0:{"a":"$@1","q":"","i":false,"b":"kci1Jc6qzyN27emBY1ufi"}\n1:{"status":"error","message":"The e-mail address or password is wrong."}\n';
    expect(actionResult(body)).toEqual({ status: 'error', message: 'The e-mail address or password is wrong.' });
  });

  it('gives null for an answer without a result row', () => {
    expect(actionResult('0:{"b":"x"}\n')).toBeNull();
    expect(actionResult('<html>Internal Server Error</html>')).toBeNull();
  });
});
