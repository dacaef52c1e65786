import { describe, expect, it } from 'vitest'
import { hostAllowed } from '../../scripts/dev/host.ts'

describe('the Host names the preview answers to', () => {
  it('are its own: localhost, 127.0.0.1, [::1] and the --host value, on its port', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LocalHost:4173', '[::1]:4173']) expect(hostAllowed(host, '127.0.0.1', 4173), host).toBe(true)
    expect(hostAllowed('preview.lan:4173', 'preview.lan', 4173)).toBe(true)
    expect(hostAllowed('[::1]:4173', '::1', 4173)).toBe(true)
    expect(hostAllowed('localhost', '127.0.0.1', 80)).toBe(true)
  })

  it('refuse any other name, another port, no header and anything that is not a host and port', () => {
    for (const host of [undefined, '', 'evil.example', 'evil.example:4173', 'localhost.evil.example:4173', 'localhost:4174', '127.0.0.1', 'localhost:4173/x', 'user@localhost:4173', 'localhost:4173 ', '192.168.1.20:4173'])
      expect(hostAllowed(host, '127.0.0.1', 4173), String(host)).toBe(false)
    expect(hostAllowed('preview.lan:4173', '127.0.0.1', 4173)).toBe(false)
  })

  it('accept any IP address, never a name, when listening on every address', () => {
    expect(hostAllowed('192.168.1.20:4173', '0.0.0.0', 4173)).toBe(true)
    expect(hostAllowed('[fe80::1]:4173', '::', 4173)).toBe(true)
    expect(hostAllowed('evil.example:4173', '0.0.0.0', 4173)).toBe(false)
  })
})
