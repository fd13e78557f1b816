// A file over 10 MB is refused while it streams in: the server answers as soon as the limit
// is passed and closes the connection, instead of taking in the whole upload first.
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { aComplaint, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let port: number;

before(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
after(async () => { await t?.close(); });

const boundary = 'grenze';
const fileBytes = 40 * 1024 * 1024;

/**
 * Sends the headers, `fields` and then a file of `fileBytes`, a piece at a time and only as
 * fast as the server takes it, until an answer arrives; resolves with the answer and how much
 * of the body went out.
 */
function uploadUntilAnswered(path: string, headers: Record<string, string>, fields: string): Promise<{ answer: string; sent: number; total: number }> {
  const head = Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="video.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + fileBytes + tail.length;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    const piece = Buffer.alloc(64 * 1024, 0x41);
    socket.on('data', (data) => { answer += data.toString('latin1'); });
    socket.on('close', () => resolve({ answer, sent, total }));
    // The server may close while this side still writes: that is what is tested.
    socket.on('error', () => {});
    const headerLines = Object.entries({ host: 'aduan.test', 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total), ...headers })
      .map(([name, value]) => `${name}: ${value}`).join('\r\n');
    socket.write(`POST ${path} HTTP/1.1\r\n${headerLines}\r\n\r\n`);
    socket.write(head);
    sent = head.length;
    const pump = (): void => {
      if (answer !== '' || socket.destroyed) return;
      const fileSent = sent - head.length;
      if (fileSent >= fileBytes) {
        socket.write(tail);
        sent += tail.length;
        return;
      }
      const next = piece.subarray(0, Math.min(piece.length, fileBytes - fileSent));
      sent += next.length;
      if (socket.write(next)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    pump();
    setTimeout(() => { socket.destroy(); reject(new Error(`no end after ${sent} of ${total} bytes: ${answer.slice(0, 200)}`)); }, 90_000).unref();
  });
}

test('the API answers 413 problem+json once a file passes 10 MB and takes no more of it', async () => {
  const complaintPart = `--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${JSON.stringify(aComplaint())}\r\n`;
  const { answer, sent, total } = await uploadUntilAnswered('/api/v1/complaints', {}, complaintPart);
  assert.match(answer, /^HTTP\/1\.1 413 /);
  assert.match(answer, /content-type: application\/problem\+json/i);
  assert.match(answer, /"code":"attachment\.too_large"/);
  assert.ok(sent < 20 * 1024 * 1024, `the server took ${sent} of ${total} bytes before it answered`);
});

test('the form page answers with the form, the file named, once it passes 10 MB and takes no more of it', async () => {
  const form = await t.app.inject({ method: 'GET', url: '/pengaduan/baru' });
  const cookie = [form.headers['set-cookie'] ?? []].flat().map((value) => value.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(csrf);
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const { answer, sent, total } = await uploadUntilAnswered('/pengaduan/baru', { cookie, accept: 'text/html' }, field('_csrf', csrf) + field('title', 'Judul yang kembali'));
  assert.match(answer, /^HTTP\/1\.1 400 /);
  assert.match(answer, /content-type: text\/html/i);
  assert.match(answer, /video\.mp4/);
  assert.match(answer, /Judul yang kembali/);
  assert.ok(sent < 20 * 1024 * 1024, `the server took ${sent} of ${total} bytes before it answered`);
});
