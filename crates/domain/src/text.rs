//! Text folding for search: Lithuanian (and other Latin) letters lose their
//! diacritics and case, so that `zemaite` finds `Žemaitė` and `siauliu`
//! finds `Šiaulių`.

/// Folds `text` to lower-case ASCII letters and digits; other characters
/// become single spaces.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'ą' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' => 'a',
            'č' | 'ç' | 'ć' | 'ĉ' | 'ċ' => 'c',
            'ď' | 'đ' => 'd',
            'ę' | 'ė' | 'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'ģ' | 'ğ' => 'g',
            'į' | 'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ķ' => 'k',
            'ļ' | 'ł' | 'ľ' => 'l',
            'ņ' | 'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ŕ' | 'ř' => 'r',
            'š' | 'ś' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ų' | 'ū' | 'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            'ß' => 's',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
        if folded == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(folded);
            space = false;
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lithuanian_letters_fold() {
        assert_eq!(fold_for_search("Žemaitė"), "zemaite");
        assert_eq!(
            fold_for_search("Šiaulių g. 5-12, Kelmė"),
            "siauliu g 5 12 kelme"
        );
        assert_eq!(
            fold_for_search("ĄČĘĖĮŠŲŪŽ ąčęėįšųūž"),
            "aceeisuuz aceeisuuz"
        );
        assert_eq!(fold_for_search("  O'Brien–Łukasz "), "o brien lukasz");
    }
}
