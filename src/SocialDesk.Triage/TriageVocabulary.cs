namespace SocialDesk.Triage;

/// <summary>
/// The phrases behind topics, channels and intent cues, in English, French, German and Spanish.
/// Phrases are separated by '|'; a word ending in '*' matches any word it begins, a word starting with '*' any word it
/// ends (German compounds: "*rechnung" finds "Jahresabrechnung"); accents do not matter.
/// </summary>
internal static class TriageVocabulary
{
    public const string TopicPrefix = "topic:";
    public const string ChannelPrefix = "channel:";
    public const string RequestCue = "cue:request";
    public const string ComplaintCue = "cue:complaint";
    public const string PraiseCue = "cue:praise";
    public const string SpamCue = "cue:spam";
    public const string WaitCue = "cue:wait";
    public const string ChurnCue = "cue:churn";
    public const string SafetyCue = "cue:safety";
    public const string UrgentCue = "cue:urgent";

    public static readonly IReadOnlyDictionary<string, string> Phrases = new Dictionary<string, string>
    {
        [TopicPrefix + Topics.Outage] = """
            outage* | is down | are down | was down | been down | went down | goes down | down again | down for | down since | no internet |
            no service | no signal | no network | no power | no electricity | no connection | no wifi | no water | no gas | power cut* |
            power failure | blackout* | not loading | won't load | cannot connect | can't connect | without power | without internet |
            without electricity | without water | service interruption |
            panne* | coupure* | pas de reseau | plus de reseau | pas d' internet | plus d' internet | pas de connexion | plus de connexion |
            plus de courant | pas de courant | pas d' electricite | plus d' electricite | sans internet | sans electricite | sans courant |
            sans reseau | pas de signal | plus de signal | hors service | ne fonctionne plus | ne marche plus | pas d' eau | plus d' eau |
            sans eau | pas de wifi | plus de wifi | plus de tele | pas de tele |
            storung* | *storung | ausfall | ausfalle | ausgefallen | *ausfall | kein internet | kein netz | kein strom | kein empfang |
            kein wlan | kein wasser | ohne strom | ohne internet | geht nicht mehr | funktioniert nicht mehr | nicht erreichbar |
            caida* | se cayo | averia* | apagon* | sin servicio | sin internet | sin luz | sin senal | sin conexion | sin red | sin agua |
            sin cobertura | no tengo internet | no tengo luz | no tengo senal | no tenemos luz | no tenemos internet | no hay internet | no hay luz | no hay senal | corte de luz | cortes de luz | no funciona nada
            """,
        [TopicPrefix + Topics.Reliability] = """
            keeps dropping | keeps crashing | keeps disconnecting | keeps cutting | keeps failing | keeps going down | drops out | dropping |
            disconnect* | intermittent* | every day | every night | every week | every time | all the time | constantly | third time |
            3rd time | second time | once again | yet again | again and again | unreliable | unstable | crash* | glitch* | buggy |
            encore une fois | tout le temps | sans arret | a chaque fois | chaque jour | tous les jours | toutes les semaines | de nouveau |
            a nouveau | instable | deconnect* | plante | plusieurs fois | recurrent* | regulierement | troisieme fois | 3eme fois |
            schon wieder | immer wieder | standig | jeden tag | jedes mal | dauernd | andauernd | zum dritten mal | mehrmals |
            unzuverlassig | instabil | bricht ab | bricht standig | absturz* | sturzt ab |
            otra vez | de nuevo | cada dia | cada vez | todos los dias | constantemente | se corta | se cae | inestable | tercera vez |
            varias veces | intermitente* | se desconecta
            """,
        [TopicPrefix + Topics.Waiting] = """
            on hold | wait* | queue* | still no | still not | still haven't | takes forever | taking forever | took forever | delay* |
            attente | attend* | toujours pas | toujours rien | depuis des heures | depuis des jours | depuis des semaines | retard* |
            patiente* | trop long | interminable* |
            warte* | immer noch | noch immer | noch nicht | verspat* | seit stunden | seit tagen | seit wochen | dauert ewig | ewig |
            espera* | todavia no | aun no | sigo sin | sigo esperando | retras* | hace horas | hace dias | hace semanas | tarda*
            """,
        [TopicPrefix + Topics.Rudeness] = """
            rude* | hung up | hang up | hangs up | impolite | disrespect* | condescend* | unprofessional | arrogant | yelled | shouted at |
            laughed at | talked down | insult* | bad attitude |
            impoli* | mal poli* | malpoli* | irrespectueu* | raccroch* | pas aimable | desagreable* | condescendan* | arrogan* | meprisan* |
            agressi* | manque de respect | hautain* |
            unhoflich* | unfreundlich* | frech* | respektlos* | aufgelegt | herablassend* | patzig | pampig | beleidig* | angeschrien |
            treated me like | treated us like | treated me badly | m' a mal parle | m' a mal recu | angeschnauzt | me trato fatal |
            me trato mal | nos trato fatal | nos trato mal | nos trataron | me trataron |
            grosero* | grosera* | maleducad* | mala educacion | me colgo | colgaron | irrespetuos* | prepoten* | borde | falta de respeto |
            despectiv* | de malas maneras
            """,
        [TopicPrefix + Topics.NoHelp] = """
            no help | no answer | no response | no reply | no one | nobody | ignor* | useless | didn't help | did not help | couldn't help |
            could not help | can't help | won't help | not helpful | unhelpful | never answer* | never respond* | never got back |
            never called back | no solution | no resolution | nothing was done | getting nowhere | runaround | run around | no callback |
            no follow up |
            aucune reponse | pas de reponse | sans reponse | aucune aide | personne ne | inutile* | aucune solution | pas de solution |
            on me renvoie | balade* | ne repond pas | ne repondez pas | ne repondent pas | jamais de retour | aucun retour | pas de retour |
            sans retour | n' aide pas | ne m' aide |
            keine antwort | keine hilfe | keine ruckmeldung | keine losung | niemand | ignorier* | nutzlos | hilft nicht | hilft keiner |
            nicht geholfen | nicht weitergeholfen | kein ruckruf | antwortet nicht | antwortet niemand | vertrostet |
            sin respuesta | ninguna respuesta | no responden | no contestan | nadie | no me ayudan | no ayudan | ninguna ayuda |
            ninguna solucion | sin solucion | ignoran* | no sirve* | inutil* | me pasan de
            """,
        [TopicPrefix + Topics.Incompetence] = """
            incompeten* | clueless | no idea what | no clue | don't know what | doesn't know | didn't know | wrong information | wrong info |
            misinformation | conflicting information | amateur* | idiot* | poorly trained | untrained | messed up | screwed up | disorganized |
            aucune idee | n' importe quoi | mauvaise information | fausse* information* | informations contradictoires | bras casses | nuls |
            ne savent pas | ne sait pas | mal forme* | pas forme* | bordel |
            ne connaissait meme pas | ne connait meme pas | ne savait meme pas | ne sait meme pas | didn't even know | doesn't even know |
            wusste nicht einmal | ni siquiera sabia | ni siquiera sabe |
            inkompeten* | unfahig* | ahnungslos | keine ahnung | falsche auskunft | falsche information* | falsch informiert | dilettant* |
            wissen nicht | saftladen | chaotisch |
            ni idea | no tienen idea | no saben | no sabe | informacion incorrecta | informacion erronea | mal informado | chapuz* |
            desorganizad*
            """,
        [TopicPrefix + Topics.Delivery] = """
            deliver* | package* | parcel* | shipment* | shipping | shipped | tracking | courier* | not arrived | hasn't arrived |
            never arrived | never received | not received | haven't received | didn't receive | my order | the order | ordered |
            dispatch* | luggage | baggage | my bag | my bags |
            livr* | colis | commande* | pas recu | jamais recu | expedi* | suivi | transporteur | bagage* | valise* |
            liefer* | geliefert | paket* | *paket | *lieferung | sendung* | bestell* | nicht angekommen | nie angekommen | nicht erhalten | versand* |
            verschickt | zusteller | zugestellt | gepack* | koffer |
            entrega* | entregado | paquete* | pedido* | envio* | enviado | no ha llegado | no llego | nunca llego | no he recibido |
            repartidor* | seguimiento | equipaje | maleta*
            """,
        [TopicPrefix + Topics.Account] = """
            account | accounts | my account | login | log in | logged out | sign in | password* | locked out | hacked | username | 2fa |
            verification code | verify my | my profile | suspended | deactivated |
            compte | comptes | mot de passe | mdp | identifiant* | me connecter | espace client | pirate* | compte bloque |
            code de verification | suspendu |
            konto* | *konto | passwort | *passwort | kennwort | anmelden | anmeldung | einloggen | gesperrt | gehackt | benutzername | kundenkonto |
            zugangsdaten | verifizierung* |
            cuenta | contrasena | iniciar sesion | inicio de sesion | bloquead* | hackead* | usuario | suspendid* | codigo de verificacion
            """,
        [TopicPrefix + Topics.Billing] = """
            bill | bills | billing | billed | invoice* | charge | charged | charges | charging | overcharg* | refund* | payment* | paid |
            pay | fee | fees | price* | direct debit | credit card | subscription | money back | my money |
            factur* | prelev* | rembours* | paiement* | paye | payer | frais | tarif* | prix | carte bancaire | abonnement | debite* |
            rechnung* | *rechnung | *rechnungen | *abrechnung | abgebucht | abbuchung* | erstattung* | ruckerstattung* | zahlung* | bezahlt | gebuhr* | preis* | geld zuruck |
            mein geld | lastschrift | abo | doppelt |
            factura* | cobr* | cargo | cargos | reembols* | devolucion | pago* | pague | tarifa* | precio | precios | mi dinero | tarjeta | suscripcion |
            domiciliacion
            """,
        [ChannelPrefix + Channels.Phone] = """
            call | called | calling | calls | phone call* | on the phone | by phone | over the phone | phoned | phone line | hotline |
            helpline | call centre | call center | on hold | rang | voicemail | hung up | hang up |
            appel* | rappele* | rappelle* | au telephone | par telephone | telephone au | telephone a | ai telephone | au tel | raccroch* |
            anruf* | angerufen | am telefon | per telefon | telefonisch | telefoniert | *hotline | ruckruf | warteschleife | aufgelegt |
            llame | llamado | llamada* | llamar | llamando | llamo | al telefono | por telefono | me colgo | linea de atencion
            """,
        [ChannelPrefix + Channels.Email] = """
            email* | e-mail* | mail | mails | mailed | emailed | inbox | courriel* | correo*
            """,
        [ChannelPrefix + Channels.Chat] = """
            chat* | tchat* | messenger | whatsapp | chatbot* | live agent | virtual assistant | assistant virtuel | asistente virtual
            """,
        [ChannelPrefix + Channels.Store] = """
            store | shop | in-store | branch | boutique* | magasin* | agence | point de vente | filiale | laden | geschaft | vor ort |
            reisezentrum | schalter | kundencenter | tienda* | sucursal* | oficina* | punto de venta | en persona
            """,
        [ChannelPrefix + Channels.Social] = """
            facebook | instagram | twitter | dm | dms | direct message* | private message* | linkedin | tiktok | mp | message prive |
            en prive | md | mensaje privado | mensaje directo | direktnachricht | pn
            """,
        [RequestCue] = """
            please | pls | plz | can you | could you | would you | can someone | can somebody | i need | i want | i'd like | i would like |
            help me | let me know | need help | cancel my | refund me | send me | call me | contact me | get back to me | dm me |
            svp | stp | s' il vous plait | s' il te plait | merci de | pouvez-vous | pouvez vous | pourriez-vous | pourriez vous |
            je voudrais | je souhaite | j' aimerais | je veux | j' ai besoin | besoin d' aide | aidez-moi | aidez moi | rappelez-moi |
            contactez-moi | veuillez | je demande | je vous demande |
            bitte | konnen sie | konnten sie | konnt ihr | konntet ihr | ich mochte | ich hatte gern* | ich brauche | ich will |
            helfen sie | helft mir | rufen sie mich | melden sie sich | ich bitte |
            por favor | porfa | pueden | podrian | podeis | necesito | quiero | quisiera | me gustaria | ayudenme | ayudadme | llamenme |
            solicito
            """,
        [ComplaintCue] = """
            charged twice | charged me twice | billed twice | double charged | debite deux fois | preleve deux fois | facture deux fois |
            doppelt abgebucht | doppelt berechnet | cobraron dos veces | cobrado dos veces | cobrado doble |
            complain* | unacceptable | ridiculous | disgrace* | shame | worst | terrible | awful | horrible | pathetic | fed up | sick of |
            not happy | not good enough | fix this | sort it out | what a joke | never again | disappointed | furious |
            plainte | pas normal | inadmissible | inacceptable | scandal* | honte* | honteux | ras le bol | ras-le-bol | marre | lamentable |
            pitoyable | pas terrible | nul | foutage de gueule | decu* | degoute* |
            beschwer* | unverschamt* | frechheit | skandal* | unmoglich | katastroph* | das letzte | enttausch* | die nase voll | unzumutbar |
            inakzeptabel | argerlich |
            queja* | reclamacion* | reclamo* | inaceptable | vergonzos* | verguenza | indignant* | harto | harta | pesimo | pesima |
            un desastre | estafa* | decepcion*
            """,
        [PraiseCue] = """
            thank* | thx | ty | shout out | kudos | great job | well done | love | appreciate* | awesome | amazing | excellent | brilliant |
            merci | bravo | au top | genial | parfait | excellent | super | j' adore | felicitations |
            danke | dankeschon | vielen dank | toll | klasse | spitze | gut gemacht | perfekt |
            gracias | excelente | muy bien | felicidades | me encanta | perfecto
            """,
        [SpamCue] = """
            giveaway* | free followers | follow me | follow back | check out my | check my profile | crypto* | bitcoin | btc | forex |
            investment opportunity | make money | click here | click the link | promo code | discount code | onlyfans | dm for |
            dm me for | win a | win an | you won | claim your | limited offer | subscribe to my | buy now | nft* |
            concours | gagne* un | gagnez | suivez-moi | abonnez-vous | code promo | cliquez ici | argent facile | offre limitee | lien en bio |
            gewinnspiel | gewinne* ein | folgt mir | folge mir | klick hier | hier klicken | rabattcode | gutscheincode | geld verdienen |
            krypto* | link in bio |
            sorteo | gana* un | siguenme | sigueme | haz clic | codigo de descuento | codigo promocional | dinero facil | gana dinero |
            cripto* | link en bio | enlace en bio
            """,
        [WaitCue] = """
            wait* | hold | queue* | delay* | still | since | ago | trying | no answer | no response | no reply | on the phone |
            attend* | attente | depuis | patient* | retard* | ca fait | essaie | sans reponse | aucune reponse | au telephone |
            warte* | seit | verspat* | schon | immer noch | versuche | keine antwort | am telefon |
            espera* | espero | llevo | llevamos | lleva | llevan | desde | retras* | sigo | intento | sin respuesta
            """,
        [ChurnCue] = """
            switch* to | cancel* my | leaving | lawyer* | legal action | sue | report you | ombudsman | regulator | take my business |
            resili* | changer d' operateur | je vais partir | avocat* | que choisir | mediateur | arcep |
            kundig* | anwalt* | verbraucherzentrale | wechsle | bundesnetzagentur | schlichtungsstelle |
            darme de baja | dar de baja | me cambio | abogad* | denuncia* | facua | ocu
            """,
        [SafetyCue] = """
            dangerous | danger | fire | smoke | gas leak | injured | hurt | unsafe | medical | elderly | baby | disabled |
            danger* | fuite de gaz | incendie | fumee | blesse* | personne agee | bebe | handicap* |
            gefahr* | gasleck | brand | rauch | verletzt | notfall | behindert* |
            peligr* | fuga de gas | incendio | humo | herido* | persona mayor | discapacit*
            """,
        [UrgentCue] = """
            urgent* | asap | immediately | right now | emergency | au plus vite | immediatement | tout de suite | urgence* |
            dringend* | sofort | so schnell wie moglich | eilig | notfall | urgente* | cuanto antes | inmediat* | lo antes posible |
            emergencia*
            """,
    };
}
