import { nameKey, nameKeysOf, nameKeysOfText } from './person.name-key';

describe('name keys: one transliteration for both scripts', () => {
  it.each([
    // Cyrillic and the passport's Latin of the same name
    ['Асанова', 'Asanova'],
    ['Айсулуу', 'Aisuluu'],
    ['Жылдыз', 'Zhyldyz'],
    ['Данияр', 'Daniiar'],
    ['Кубанычбек', 'Kubanychbek'],
    ['Чынгыз', 'Chyngyz'],
    // Kyrgyz letters ң, ө, ү
    ['Жеңишбек', 'Zhenishbek'],
    ['Өмүрбеков', 'Omurbekov'],
    ['Үсөнов', 'Usonov'],
    ['Төлөгөн', 'Tölögön'],
    ['Түмөнбаев', 'Tümönbaev'],
    // the spellings other documents use
    ['Жумабек', 'Dzhumabek'],
    ['Жумабек', 'Jumabek'],
    ['Айбек', 'Aybek'],
    ['Бакыт', 'Bakit'],
    ['Данияр', 'Daniyar'],
    ['Теңир', 'Teñir'],
    ['Хасан', 'Khasan'],
  ])('%s and %s have one key', (cyrillic, latin) => {
    expect(nameKey(cyrillic)).toBe(nameKey(latin));
    expect(nameKey(cyrillic)).toMatch(/^[a-z]+$/);
  });

  it('ignores case in either script', () => {
    expect(nameKey('АСАНОВА')).toBe(nameKey('асанова'));
    expect(nameKey('ASANOVA')).toBe(nameKey('asanova'));
    expect(nameKey('ӨМҮР')).toBe(nameKey('өмүр'));
  });

  it('tells different names apart', () => {
    expect(nameKey('Асанова')).not.toBe(nameKey('Асанов'));
    expect(nameKey('Almaz')).not.toBe(nameKey('Aliaz'));
  });

  it('writes a key of lower-case ASCII letters only, whatever the text', () => {
    expect(nameKey("O'Neil-Smith")).toBe('oneilsmith');
    expect(nameKey('.*$^[]()')).toBe('');
  });

  it('splits a text into the keys of its words, once each', () => {
    expect(nameKeysOfText('Алмаз  уулу-Асан Almaz')).toEqual(['almaz', 'uulu', 'asan']);
  });

  it('keys a person by every word of both names', () => {
    expect(
      nameKeysOf({
        nameCyrillic: { last: 'Асанова', first: 'Айсулуу', patronymic: 'Бакыт кызы' },
        nameLatin: { last: 'Asanova', first: 'Aisuluu', patronymic: null },
      }),
    ).toEqual(['aisuluu', 'asanova', 'bakit', 'kizi']);
  });
});
