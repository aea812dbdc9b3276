/** Synthetic but realistic Nordic members for the bench: names with åäöæø, phones, cities. */
const FIRST = ['Åsa', 'Anna', 'Erik', 'Örjan', 'Kari', 'Ola', 'Ingrid', 'Lars', 'Maja', 'Björn', 'Sigrid', 'Jørgen', 'Ænne', 'Per', 'Linnéa', 'Håkan', 'Solveig', 'Nils', 'Märta', 'Tor'];
const LAST = ['Andersson', 'Ödegård', 'Lindström', 'Åberg', 'Hansen', 'Johansson', 'Nilsen', 'Ærø', 'Berg', 'Sørensen', 'Karlsson', 'Öberg', 'Dahl', 'Hagen', 'Eriksson', 'Østby', 'Lund', 'Strøm', 'Nyström', 'Holm'];
const CITY = ['Umeå', 'Örebro', 'Göteborg', 'Malmö', 'Tromsø', 'Bodø', 'Oslo', 'Luleå', 'Västerås', 'Ålesund'];

export function syntheticMember(i: number) {
  const norwegian = i % 3 === 0;
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const city = CITY[(i * 3) % CITY.length];
  return {
    firstName: first,
    lastName: `${last}${i % 97 === 0 ? '-Ek' : ''}`,
    country: norwegian ? 'NO' : 'SE',
    street: `Storgatan ${1 + (i % 120)}`,
    postcode: norwegian ? String(1000 + (i % 8000)).padStart(4, '0') : String(11000 + (i % 80000)),
    city,
    email: i % 4 === 0 ? null : `${first.toLowerCase()}.${i}@example.org`,
    mobile: i % 5 === 0 ? null : norwegian ? `4${String(1000000 + i).slice(-7)}` : `070${String(1000000 + i).slice(-7)}`,
    consentSms: i % 2 === 0,
    consentEmail: i % 3 !== 0,
    consentPost: true,
    joinedOn: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
  };
}
