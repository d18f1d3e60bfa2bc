// Function words, which say nothing about a code: left out of similarity and keyness. Lower case, accents removed
// (compared with a word's folded form), contractions spelled out. natural's lists hold words the codebook's codes
// rest on ("same", "other", "few", "take"), so these are ours: articles, pronouns, prepositions, conjunctions,
// auxiliaries and fillers of speech, but not "same" or "other".
import type { Language } from '../text/language.js';

const EN = `a an the this that these those there here it its itself i me my mine myself we us our ours ourselves you
your yours yourself yourselves he him his himself she her hers herself they them their theirs themselves one ones
who whom whose which what whatever whoever where when why how whether if then than so as because since while
though although unless until till and or but nor either neither both also too not no yes of in on at by for with
without about above below over under into onto out up down off from to toward towards through during before after
again further once against between among across along around upon within via per is am are was were be been being
have has had having do does did doing done will would shall should can could may might must ought get gets got
getting gotten just only even still yet already very really quite rather pretty much many more most less least
some any all each every such own else ever always never often sometimes usually perhaps maybe
probably actually basically kind sort thing things something anything everything nothing someone anyone everyone
nobody somebody anybody everybody lot lots bit way like well oh okay ok yeah um uh er mean think know say said
says saying tell told guess suppose let lets now right sure etc`;

const ES = `a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por segun sin sobre tras
el la lo los las un una unos unas y e o u ni que quien quienes cual cuales cuyo cuya cuyos cuyas donde cuando como
cuanto cuanta cuantos cuantas porque pues si sino pero aunque mientras yo me mi mis mio mia mios mias conmigo tu te
ti tus tuyo tuya contigo usted ustedes el ella ellos ellas le les se si consigo su sus suyo suya suyos suyas
nosotros nosotras nos nuestro nuestra nuestros nuestras vosotros vosotras os vuestro vuestra este esta estos estas
esto ese esa esos esas eso aquel aquella aquellos aquellas aquello ser es son era eran fue fueron sea sean sido
siendo soy somos estar esta estan estaba estaban estado estoy estamos haber ha han he hemos habia habian hubo hay
haya tener tiene tienen tenia tenian tengo tenemos hacer hace hacen hizo hacemos puede pueden podia poder podemos
va van vamos ir muy mas menos tan tanto tanta tantos tantas mucho mucha muchos muchas poco poca pocos pocas todo
toda todos todas algo alguien alguno alguna algunos algunas nada
nadie ninguno ninguna ningun ya aun todavia tambien tampoco solo siempre nunca jamas entonces luego asi bueno pues
bien vale claro digamos decir dice dijo creo sea cosa cosas vez veces aqui alli ahi ahora no sí`;

const words = (list: string): ReadonlySet<string> => new Set(list.normalize('NFD').replace(/\p{M}+/gu, '').split(/\s+/).filter((w) => w !== ''));

export const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = { en: words(EN), es: words(ES) };

/** A word that carries no meaning for a code: a function word, a number, or a single letter. */
export const isStopWord = (folded: string, language: Language): boolean => folded.length < 2 || STOP_WORDS[language].has(folded) || /^\d/.test(folded);
