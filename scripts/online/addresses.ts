/**
 * Addresses `--online` never requests unless told to (`--online-allow-private`): this machine,
 * private networks and link-local ones, where a framework's link could reach a router's admin
 * page, a service inside the organisation or a cloud's metadata service (169.254.169.254), and
 * report what answered. Checked on every address a name resolves to, and again after each
 * redirect.
 */
import { BlockList, isIP } from 'node:net'

const RANGES: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address (this machine)'],
  ['10.0.0.0', 8, 'ipv4', 'a private network address'],
  ['172.16.0.0', 12, 'ipv4', 'a private network address'],
  ['192.168.0.0', 16, 'ipv4', 'a private network address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) network address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (such as a cloud metadata service)'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved protocol address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address (this machine)'],
  ['fc00::', 7, 'ipv6', 'a private network address (unique local)'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
]

const lists = RANGES.map(([network, prefix, family, kind]) => {
  const list = new BlockList()
  list.addSubnet(network, prefix, family)
  return { list, family, kind }
})

/** The eight 16-bit groups of an IPv6 address, or undefined. */
function groupsOf(ipv6: string): number[] | undefined {
  let text = ipv6
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const front = parse(head)
  const back = tail === undefined ? [] : parse(tail)
  const groups = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill(0), ...back]
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined
}

/**
 * The IPv4 address an IPv6 address carries, when it is one of the forms that reach an IPv4 host:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
 */
function embeddedIpv4(ipv6: string): string | undefined {
  const groups = groupsOf(ipv6)
  if (!groups) return undefined
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number]
  const zeros = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0
  const mapped = zeros && g5 === 0xffff
  const compatible = zeros && g5 === 0 && (g6 !== 0 || g7 > 1)
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0
  if (!mapped && !compatible && !nat64) return undefined
  return `${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`
}

/**
 * What kind of address this is when `--online` must not request it without
 * `--online-allow-private` (“a loopback address (this machine)”), or undefined for a public one.
 * Takes an IP address, with or without the brackets of a URL.
 */
export function privateAddressKind(address: string): string | undefined {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const version = isIP(ip)
  if (version === 0) return undefined
  if (version === 6) {
    const inner = embeddedIpv4(ip)
    if (inner) return privateAddressKind(inner)
  }
  const family = version === 4 ? 'ipv4' : 'ipv6'
  return lists.find((entry) => entry.family === family && entry.list.check(ip, family))?.kind
}
