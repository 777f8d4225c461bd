// Paragraphs written for these tests (not taken from any article), about 60–120 words each, in
// the register of a human-rights report.

/** English prose in several registers: wire report, NGO report, statement, headline-heavy page. */
export const ENGLISH: Record<string, string> = {
  wire:
    "Authorities carried out at least nine executions in the western province last month, a monitoring group said on Friday, " +
    "adding that two of those hanged had been arrested as teenagers. The group, which relies on relatives and former detainees, " +
    "said it could not confirm the identities of three other prisoners who were moved from the central jail before dawn. " +
    "Officials did not respond to requests for comment, and the judiciary has not published figures since the start of the year.",
  report:
    "Between January and June, researchers documented 214 arrests of journalists, lawyers and labour activists across eleven provinces. " +
    "Most of those detained were held without charge for more than a week, and families were not told where they had been taken. " +
    "In several cases detainees said that interrogators had threatened their relatives. The report recommends that the authorities " +
    "release everyone held for peaceful activity and allow independent observers into places of detention.",
  statement:
    "We are deeply alarmed by reports that dozens of protesters were killed when security forces opened fire on crowds in the southern city. " +
    "Those responsible must be held to account, and the families of the victims should be able to bury their loved ones without " +
    "harassment. We call on the government to establish an independent inquiry and to share with the United Nations all information " +
    "it holds about the people who were injured, detained or who remain missing since the demonstrations began.",
  page:
    "Home | News | Reports | Contact\nRights monitor says 31 prisoners executed in March\nBy staff writer, 4 April 2024\n" +
    "At least 31 prisoners were executed in March, according to a rights group that tracks capital punishment in the country, " +
    "which said the true number was probably higher because many executions are never announced. It said that most of the " +
    "prisoners had been convicted of drug offences and that at least four belonged to ethnic minorities.",
};

/** The same kind of prose in other languages written with the Latin alphabet. */
export const OTHER_LATIN: Record<string, string> = {
  fr:
    "Selon l'organisation, au moins neuf prisonniers ont été exécutés dans la province occidentale le mois dernier, dont deux avaient " +
    "été arrêtés alors qu'ils étaient mineurs. Les familles n'ont pas été prévenues et les avocats n'ont pas pu consulter les dossiers. " +
    "Le groupe, qui s'appuie sur des proches et d'anciens détenus, affirme ne pas pouvoir confirmer l'identité de trois autres " +
    "prisonniers transférés avant l'aube. Les autorités n'ont pas répondu aux demandes de commentaire.",
  es:
    "Según la organización, al menos nueve presos fueron ejecutados en la provincia occidental el mes pasado, y dos de ellos habían " +
    "sido detenidos cuando eran menores de edad. Las familias no fueron avisadas y los abogados no pudieron consultar los expedientes. " +
    "El grupo, que se basa en testimonios de familiares y antiguos detenidos, dijo que no podía confirmar la identidad de otros tres " +
    "presos trasladados antes del amanecer. Las autoridades no respondieron a las solicitudes de comentarios.",
  pt:
    "Segundo a organização, pelo menos nove presos foram executados na província ocidental no mês passado, e dois deles tinham sido " +
    "detidos quando eram menores. As famílias não foram avisadas e os advogados não puderam consultar os processos. O grupo, que se " +
    "baseia em relatos de familiares e de antigos detidos, disse que não conseguiu confirmar a identidade de outros três presos " +
    "transferidos antes do amanhecer. As autoridades não responderam aos pedidos de comentário.",
  it:
    "Secondo l'organizzazione, almeno nove prigionieri sono stati giustiziati nella provincia occidentale il mese scorso, e due di loro " +
    "erano stati arrestati quando erano minorenni. Le famiglie non sono state avvisate e gli avvocati non hanno potuto consultare i " +
    "fascicoli. Il gruppo, che si basa sulle testimonianze di parenti ed ex detenuti, ha detto di non poter confermare l'identità di " +
    "altri tre prigionieri trasferiti prima dell'alba. Le autorità non hanno risposto alle richieste di commento.",
  de:
    "Nach Angaben der Organisation wurden im vergangenen Monat in der westlichen Provinz mindestens neun Gefangene hingerichtet, zwei " +
    "von ihnen waren als Jugendliche festgenommen worden. Die Familien wurden nicht benachrichtigt, und die Anwälte konnten die Akten " +
    "nicht einsehen. Die Gruppe, die sich auf Angehörige und ehemalige Häftlinge stützt, sagte, sie könne die Identität von drei " +
    "weiteren Gefangenen, die vor dem Morgengrauen verlegt wurden, nicht bestätigen. Die Behörden antworteten nicht auf Anfragen.",
  nl:
    "Volgens de organisatie zijn vorige maand in de westelijke provincie ten minste negen gevangenen geëxecuteerd, van wie er twee als " +
    "minderjarige waren gearresteerd. De families werden niet ingelicht en de advocaten konden de dossiers niet inzien. De groep, die " +
    "zich baseert op familieleden en voormalige gevangenen, zei dat zij de identiteit van drie andere gevangenen die voor zonsopgang " +
    "waren overgebracht niet kon bevestigen. De autoriteiten hebben niet gereageerd op verzoeken om commentaar. Het is niet bekend wat er met hen is gebeurd.",
  da:
    "Ifølge organisationen blev mindst ni fanger henrettet i den vestlige provins i sidste måned, og to af dem var blevet anholdt som " +
    "mindreårige. Familierne blev ikke underrettet, og advokaterne kunne ikke se sagsakterne. Gruppen, som bygger på oplysninger fra " +
    "pårørende og tidligere fanger, sagde at den ikke kunne bekræfte identiteten af tre andre fanger, der blev flyttet før daggry. " +
    "Myndighederne har ikke svaret på henvendelser, og det er uklart hvor de er nu, og hvad der vil ske med dem her for at de kan blive løsladt.",
  sv:
    "Enligt organisationen avrättades minst nio fångar i den västra provinsen förra månaden, och två av dem hade gripits som " +
    "minderåriga. Familjerna underrättades inte och advokaterna kunde inte läsa handlingarna. Gruppen, som bygger på uppgifter från " +
    "anhöriga och tidigare fångar, sade att den inte kunde bekräfta identiteten på tre andra fångar som flyttades före gryningen. " +
    "Myndigheterna har inte svarat på frågor om var de finns eller vad som har hänt med dem.",
  id:
    "Menurut organisasi tersebut, sedikitnya sembilan tahanan dieksekusi di provinsi bagian barat bulan lalu, dan dua di antaranya " +
    "ditangkap ketika masih di bawah umur. Keluarga mereka tidak diberi tahu dan para pengacara tidak dapat melihat berkas perkara. " +
    "Kelompok itu, yang mengandalkan keterangan kerabat dan mantan tahanan, mengatakan tidak dapat memastikan identitas tiga tahanan " +
    "lain yang dipindahkan sebelum fajar. Pihak berwenang tidak menanggapi permintaan komentar dari para wartawan.",
  tr:
    "Örgüte göre geçen ay batıdaki ilde en az dokuz mahkum idam edildi ve bunlardan ikisi reşit değilken tutuklanmıştı. Ailelere haber " +
    "verilmedi ve avukatlar dosyaları inceleyemedi. Yakınların ve eski tutukluların anlatımlarına dayanan grup, şafaktan önce nakledilen " +
    "diğer üç mahkumun kimliğini doğrulayamadığını söyledi. Yetkililer yorum taleplerine yanıt vermedi ve ailelerin sorularına da cevap vermedi.",
  pl:
    "Według organizacji w zeszłym miesiącu w zachodniej prowincji stracono co najmniej dziewięciu więźniów, a dwóch z nich zostało " +
    "aresztowanych jako nieletni. Rodzin nie powiadomiono, a adwokaci nie mogli zapoznać się z aktami. Grupa, która opiera się na " +
    "relacjach krewnych i byłych więźniów, powiedziała, że nie może potwierdzić tożsamości trzech innych więźniów przeniesionych przed " +
    "świtem. To nie jest pierwszy taki przypadek, a władze nie odpowiedziały na prośby o komentarz.",
  ro:
    "Potrivit organizației, cel puțin nouă deținuți au fost executați în provincia de vest luna trecută, iar doi dintre ei fuseseră " +
    "arestați când erau minori. Familiile nu au fost anunțate, iar avocații nu au putut consulta dosarele. Grupul, care se bazează pe " +
    "mărturiile rudelor și ale foștilor deținuți, a spus că nu poate confirma identitatea altor trei deținuți mutați înainte de zori. " +
    "Autoritățile nu au răspuns solicitărilor de comentarii.",
};
