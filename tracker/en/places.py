"""Names of places: countries, U.S. states and large cities (capitals and business centres).

A place is not a source ("Beijing said", "Colorado reported": the speaker is a government or
an office the text leaves unnamed), though it may be a figure's entity. A closed list: news
names the same few hundred places over and over.
"""

from __future__ import annotations

COUNTRIES = {
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia",
    "Bosnia", "Botswana", "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chile",
    "China", "Colombia", "Congo", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia",
    "Denmark", "Ecuador", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia",
    "Germany", "Ghana", "Greece", "Guatemala", "Honduras", "Hong Kong", "Hungary", "Iceland",
    "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Ivory Coast",
    "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Laos", "Latvia",
    "Lebanon", "Libya", "Lithuania", "Luxembourg", "Macau", "Macao", "Malaysia", "Mali",
    "Malta", "Mexico", "Moldova", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria",
    "North Korea", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Paraguay", "Peru",
    "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda",
    "Saudi Arabia", "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia",
    "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden",
    "Switzerland", "Syria", "Taiwan", "Tanzania", "Thailand", "Tunisia", "Turkey", "Türkiye",
    "Uganda", "Ukraine", "United Arab Emirates", "UAE", "United Kingdom", "UK", "U.K.",
    "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
    "United States", "US", "U.S.", "USA", "America", "Uruguay", "Uzbekistan", "Venezuela",
    "Vietnam", "Yemen", "Zambia", "Zimbabwe", "Europe", "Asia", "Africa", "Latin America",
    "Middle East", "Mainland China",
}  # fmt: skip
US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "Puerto Rico",
}  # fmt: skip
CITIES = {
    "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Wuhan", "Chengdu", "Tianjin", "Chongqing",
    "Taipei", "Seoul", "Tokyo", "Osaka", "Delhi", "New Delhi", "Mumbai", "Bangalore",
    "Bengaluru", "Kolkata", "Chennai", "Karachi", "Islamabad", "Dhaka", "Bangkok", "Hanoi",
    "Jakarta", "Manila", "Kuala Lumpur", "Sydney", "Melbourne", "Canberra", "Wellington",
    "Moscow", "Kyiv", "Kiev", "Warsaw", "Berlin", "Frankfurt", "Munich", "Paris", "London",
    "Brussels", "Amsterdam", "Madrid", "Rome", "Milan", "Vienna", "Zurich", "Geneva",
    "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dublin", "Lisbon", "Athens", "Istanbul",
    "Ankara", "Tehran", "Baghdad", "Riyadh", "Dubai", "Abu Dhabi", "Doha", "Cairo", "Lagos",
    "Nairobi", "Johannesburg", "Cape Town", "Tel Aviv", "Jerusalem", "Washington, D.C.",
    "Ottawa", "Toronto", "Montreal", "Vancouver", "Mexico City", "Sao Paulo", "São Paulo",
    "Rio de Janeiro", "Buenos Aires", "Santiago", "Lima", "Bogota", "Caracas", "Brasilia",
    "Chicago", "Los Angeles", "San Francisco", "Houston", "Dallas", "Boston", "Seattle",
    "Miami", "Atlanta", "Philadelphia", "Detroit", "Denver", "Phoenix", "Austin",
    "Silicon Valley", "Wall Street", "Brooklyn", "Manhattan", "Singapore", "Hong Kong",
}  # fmt: skip
PLACES = COUNTRIES | US_STATES | CITIES
# Adjectives of peoples: "Australian Timothy Weeks" is Timothy Weeks, "Jordanian" no name.
DEMONYMS = {
    "American", "British", "Chinese", "Japanese", "Korean", "South Korean", "North Korean",
    "Indian", "Pakistani", "Afghan", "Iranian", "Iraqi", "Syrian", "Jordanian", "Lebanese",
    "Israeli", "Palestinian", "Saudi", "Emirati", "Qatari", "Egyptian", "Turkish", "Russian",
    "Ukrainian", "Polish", "German", "French", "Italian", "Spanish", "Portuguese", "Dutch",
    "Belgian", "Swiss", "Austrian", "Swedish", "Norwegian", "Danish", "Finnish", "Irish",
    "Scottish", "Welsh", "English", "Greek", "Hungarian", "Czech", "Romanian", "Bulgarian",
    "Serbian", "Croatian", "Canadian", "Mexican", "Brazilian", "Argentine", "Argentinian",
    "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "Australian", "Taiwanese",
    "Vietnamese", "Thai", "Indonesian", "Malaysian", "Filipino", "Singaporean", "Nigerian",
    "Kenyan", "Ethiopian", "South African", "Moroccan", "Algerian", "Libyan", "Sudanese",
    "Yemeni", "Kurdish", "European", "Asian", "African", "Latin American", "Arab",
}  # fmt: skip


def is_place(name: str) -> bool:
    """Is ``name`` a country, state or city ("Beijing", "the United States")?"""
    if name.startswith("the "):
        name = name[4:]
    return name in PLACES
