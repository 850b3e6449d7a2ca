//! The generated Instagram corpus: deterministic (a fixed-seed SplitMix64), relative to the
//! fixture's base time, with hostile posts spread through it (every 80th post, tagged `#ugc` and
//! `#hostile`).

use std::collections::HashMap;

use api_types::{MediaType, Post};

use crate::util::{odt, Ts, DAY, MINUTE};

pub const CORPUS_SIZE: usize = 5_200;
/// Every `HOSTILE_EVERY`th post (offset `HOSTILE_OFFSET`) is hostile.
pub const HOSTILE_EVERY: usize = 80;
pub const HOSTILE_OFFSET: usize = 40;
const SEED: u64 = 0x5EED_1F0F_2026_0001;

pub const TAGS: &[&str] = &[
    "summer",
    "coffee",
    "travel",
    "brandlove",
    "ugc",
    "beach",
    "sunset",
    "latte",
    "foodie",
    "fitness",
    "style",
    "nature",
    "city",
    "weekend",
    "hiking",
    "coffeetime",
    "wanderlust",
    "ootd",
    "vacation",
    "brunch",
    "photography",
    "instagood",
    "friends",
    "family",
    "dogsofinstagram",
    "music",
    "art",
    "sneakers",
    "skincare",
    "roadtrip",
];

/// Authors with stable handles (documented in the README) for business user search.
pub const NAMED_AUTHORS: &[(&str, &str)] = &[
    ("sunny.days", "Sunny Days"),
    ("brewmaster", "Brew Master"),
    ("wander_lust", "Wander Lust"),
    ("coffee.lab", "Coffee Lab"),
    ("brand_fan_01", "Brand Fan"),
    ("city.lights", "City Lights"),
    ("trailrunner", "Trail Runner"),
    ("latte.art", "Latte Art Daily"),
    ("summer_vibes", "Summer Vibes"),
    ("the.traveler", "The Traveler"),
    ("ugc_queen", "UGC Queen"),
    ("bakery.bliss", "Bakery Bliss"),
    ("wave_chaser", "Wave Chaser"),
    ("moments.daily", "Moments Daily"),
    ("danni", "Danni"),
    ("lfqa", "lfqa"),
];

const FIRST: &[&str] = &[
    "Anna", "Ben", "Chloé", "Daan", "Eva", "Finn", "Greta", "Hugo", "Isa", "Jules", "Kiki", "Lars",
    "Mila", "Noah", "Olga", "Pim", "Quinn", "Rosa", "Sem", "Tess", "Umar", "Vera", "Wout", "Xena",
    "Yara", "Zoë", "José", "Søren", "Łucja", "Ayşe",
];
const LAST: &[&str] = &[
    "Jansen", "de Vries", "Smith", "García", "Nguyen", "Müller", "Rossi", "Kowalski", "Silva",
    "Okafor", "Tanaka", "Bakker", "Visser", "Dubois", "Novak",
];
const SYL: &[&str] = &[
    "sun", "moon", "pixel", "brew", "wave", "trail", "city", "bloom", "frost", "amber", "nova",
    "echo", "lumen", "maple", "coral", "drift", "velvet", "zen", "kiwi", "mango",
];
const ADJ: &[&str] = &[
    "golden", "lazy", "perfect", "cozy", "wild", "bright", "quiet", "sweet", "windy", "happy",
];
const NOUN: &[&str] = &[
    "morning",
    "afternoon",
    "day out",
    "cup",
    "view",
    "walk",
    "weekend",
    "moment",
    "trip",
    "sunset",
];
const OPENERS: &[&str] = &[
    "Loving this",
    "Can't get enough of this",
    "Another",
    "Just a",
    "Nothing beats a",
    "Throwback to a",
    "Finally, a",
];

pub struct SplitMix(u64);
impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Clone, Debug)]
pub struct CPost {
    pub id: String,
    pub author_handle: String,
    pub author_name: String,
    pub author_avatar_url: Option<String>,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub media_type: MediaType,
    pub image_url: String,
    pub permalink: String,
    pub posted_at: Ts,
    pub likes: u64,
    pub comments: u64,
    pub hostile: bool,
}

impl CPost {
    pub fn to_wire(&self, saved_asset_id: Option<String>) -> Post {
        Post {
            id: self.id.clone(),
            author_handle: self.author_handle.clone(),
            author_name: self.author_name.clone(),
            author_avatar_url: self.author_avatar_url.clone(),
            caption: self.caption.clone(),
            hashtags: self.hashtags.clone(),
            media_type: self.media_type,
            image_url: self.image_url.clone(),
            permalink: self.permalink.clone(),
            posted_at: odt(self.posted_at),
            likes: self.likes,
            comments: self.comments,
            saved_asset_id,
        }
    }
}

pub struct Corpus {
    pub base: Ts,
    pub posts: Vec<CPost>,
    by_id: HashMap<String, u32>,
    by_tag: HashMap<String, Vec<u32>>,
    by_author: HashMap<String, Vec<u32>>,
}

fn shortcode(rng: &mut SplitMix) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    (0..11).map(|_| *rng.pick(A) as char).collect()
}

struct Author {
    handle: String,
    name: String,
}

fn authors(rng: &mut SplitMix) -> Vec<Author> {
    let mut v: Vec<Author> = NAMED_AUTHORS
        .iter()
        .map(|(h, n)| Author {
            handle: h.to_string(),
            name: n.to_string(),
        })
        .collect();
    let mut seen: std::collections::HashSet<String> = v.iter().map(|a| a.handle.clone()).collect();
    while v.len() < 420 {
        let sep = ["", ".", "_"][rng.below(3) as usize];
        let mut handle = format!("{}{}{}", rng.pick(SYL), sep, rng.pick(SYL));
        if rng.below(2) == 0 {
            handle.push_str(&format!("{}", rng.below(100)));
        }
        if !seen.insert(handle.clone()) {
            continue;
        }
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        v.push(Author { handle, name });
    }
    v
}

/// The hostile variants, cycled through; each returns (handle, name, avatar, caption, image, permalink).
fn hostile(variant: usize, n: usize, first_long: &mut bool) -> HostileParts {
    let id_tag = format!("h{n}");
    let mut p = HostileParts {
        handle: format!("hostile_{id_tag}"),
        name: "Hostile Tester".into(),
        avatar: None,
        caption: String::new(),
        image: None,
        permalink: None,
    };
    match variant {
        0 => {
            p.handle = "<script>alert(1)</script>".into();
            p.name = "<script>alert(\"name\")</script>".into();
            p.caption = "<script>alert(1)</script> totally normal post #ugc #hostile".into();
        }
        1 => {
            p.name = "<img src=x onerror=alert(1)>".into();
            p.caption = "Nice pic <img src=x onerror=alert(1)> #ugc #hostile #summer".into();
        }
        2 => {
            p.caption = "Click the permalink, it is fine #ugc #hostile".into();
            p.permalink = Some("javascript:alert(1)".into());
        }
        3 => {
            p.caption = "My image is a javascript: URL #ugc #hostile".into();
            p.image = Some("javascript:alert(1)".into());
            p.avatar = Some("javascript:alert(1)".into());
        }
        4 => {
            p.caption = "data: URLs everywhere #ugc #hostile".into();
            p.image = Some("data:text/html,<script>alert(1)</script>".into());
            p.permalink = Some("data:text/html,<script>alert(document.cookie)</script>".into());
        }
        5 => {
            p.caption = "Served over plain http #ugc #hostile #coffee".into();
            p.image = Some("http://insecure.example.com/photo.jpg".into());
            p.avatar = Some("http://insecure.example.com/avatar.jpg".into());
            p.permalink = Some("http://www.instagram.com/p/insecure/".into());
        }
        6 => {
            p.caption = "<svg onload=alert(1)><circle r=10 /></svg> #ugc #hostile".into();
            p.image = Some(
                "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>"
                    .into(),
            );
        }
        7 => {
            p.name = "Right\u{202E}tfel ot thgir\u{202C} Person".into();
            p.caption = "Download invoice\u{202E}gpj.exe\u{202C} now #ugc #hostile".into();
            p.handle = format!("rtl\u{202E}resu_{id_tag}");
        }
        8 => {
            p.handle = format!("zw\u{200D}j\u{200B}user_{id_tag}");
            p.name = "Zero\u{200D}Width\u{200B}Joiner\u{FEFF}Name".into();
            p.caption =
                "zero\u{200B}width\u{200C}chars\u{200D}here 👩\u{200D}👩\u{200D}👧 #ugc #hostile"
                    .into();
        }
        9 => {
            p.name = "\u{FFFD}\u{FFFD} Broken \u{FFFD}".into();
            p.caption = "Z\u{0334}\u{0321}\u{0322}a\u{0338}\u{0336}l\u{0335}g\u{0337}o\u{0336}\u{0300}\u{0301}\u{0302}\u{0303} text \u{FFFD}\u{D7FF}\u{E000} combining\u{0301}\u{0301}\u{0301}\u{0301} #ugc #hostile".into();
        }
        10 => {
            let size = if *first_long {
                *first_long = false;
                100 * 1024
            } else {
                5 * 1024
            };
            let mut c = String::from("A very long caption #ugc #hostile ");
            while c.len() < size {
                c.push_str("lorem ipsum dolor sit amet ");
            }
            c.truncate(size);
            p.caption = c;
        }
        11 => {
            p.handle = format!("very_long_handle_{}", "x".repeat(300));
            p.name = "N".repeat(500);
            p.caption = "My handle is very long #ugc #hostile".into();
        }
        12 => {
            p.caption = "[click me](javascript:alert(1)) <a href=\"javascript:alert(1)\">link</a> #ugc #hostile".into();
            p.avatar = Some("data:image/svg+xml,<svg onload=alert(1)>".into());
        }
        _ => {
            p.name = "\"><script>alert(1)</script>".into();
            p.caption = "' onmouseover='alert(1)' {{constructor.constructor('alert(1)')()}} ${alert(1)} \u{0000}\u{0007}\u{2028}\u{2029} #ugc #hostile".into();
        }
    }
    p
}

struct HostileParts {
    handle: String,
    name: String,
    avatar: Option<String>,
    caption: String,
    image: Option<String>,
    permalink: Option<String>,
}

const HOSTILE_VARIANTS: usize = 14;

pub fn extract_tags(caption: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for (i, c) in caption.char_indices() {
        if c == '#' {
            let rest = &caption[i + 1..];
            let tag: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !tag.is_empty() {
                let t = tag.to_lowercase();
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
        }
    }
    tags
}

impl Corpus {
    pub fn generate(base: Ts) -> Corpus {
        let mut rng = SplitMix::new(SEED);
        let authors = authors(&mut rng);
        let mut posts = Vec::with_capacity(CORPUS_SIZE);
        let mut first_long = true;
        let mut hostile_n = 0usize;
        for i in 0..CORPUS_SIZE {
            let id = format!("post_{:05}", i + 1);
            let posted_at = base - MINUTE - rng.below((90 * DAY - MINUTE) as u64) as i64;
            let likes = (rng.unit().powi(3) * 50_000.0) as u64;
            let comments = likes / (10 + rng.below(50)) + rng.below(5);
            let media_type = if rng.below(4) == 0 {
                MediaType::Video
            } else {
                MediaType::Photo
            };
            let image_url = format!("/api/v1/media/{id}.svg");
            let permalink = format!("https://www.instagram.com/p/{}/", shortcode(&mut rng));
            if i % HOSTILE_EVERY == HOSTILE_OFFSET {
                let h = hostile(hostile_n % HOSTILE_VARIANTS, hostile_n, &mut first_long);
                hostile_n += 1;
                let hashtags = extract_tags(&h.caption);
                posts.push(CPost {
                    id,
                    author_handle: h.handle,
                    author_name: h.name,
                    author_avatar_url: h.avatar,
                    caption: h.caption,
                    hashtags,
                    media_type,
                    image_url: h.image.unwrap_or(image_url),
                    permalink: h.permalink.unwrap_or(permalink),
                    posted_at,
                    likes,
                    comments,
                    hostile: true,
                });
                continue;
            }
            // Named authors post more often, so business user search finds plenty.
            let author = if rng.below(4) == 0 {
                &authors[rng.below(NAMED_AUTHORS.len() as u64) as usize]
            } else {
                rng.pick(&authors)
            };
            let ntags = 1 + rng.below(4) as usize;
            let mut tags: Vec<&str> = Vec::new();
            // #ugc on about a fifth of the posts.
            if rng.below(5) == 0 {
                tags.push("ugc");
            }
            while tags.len() < ntags {
                let t = *rng.pick(TAGS);
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            let mut caption = format!("{} {} {}", rng.pick(OPENERS), rng.pick(ADJ), rng.pick(NOUN));
            if rng.below(3) == 0 {
                caption.push_str(" with @");
                caption.push_str(&rng.pick(&authors).handle);
            }
            if rng.below(6) == 0 {
                caption.push_str(" ☀️☕");
            }
            for t in &tags {
                caption.push_str(" #");
                caption.push_str(t);
            }
            posts.push(CPost {
                id,
                author_handle: author.handle.clone(),
                author_name: author.name.clone(),
                author_avatar_url: None,
                caption,
                hashtags: tags.iter().map(|s| s.to_string()).collect(),
                media_type,
                image_url,
                permalink,
                posted_at,
                likes,
                comments,
                hostile: false,
            });
        }
        let mut by_id = HashMap::new();
        let mut by_tag: HashMap<String, Vec<u32>> = HashMap::new();
        let mut by_author: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, p) in posts.iter().enumerate() {
            by_id.insert(p.id.clone(), i as u32);
            for t in &p.hashtags {
                by_tag.entry(t.to_lowercase()).or_default().push(i as u32);
            }
            by_author
                .entry(p.author_handle.to_lowercase())
                .or_default()
                .push(i as u32);
        }
        Corpus {
            base,
            posts,
            by_id,
            by_tag,
            by_author,
        }
    }

    pub fn get(&self, id: &str) -> Option<&CPost> {
        self.by_id.get(id).map(|&i| &self.posts[i as usize])
    }
    pub fn by_tag(&self, tag: &str) -> &[u32] {
        self.by_tag
            .get(&tag.to_lowercase())
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
    pub fn by_author(&self, handle: &str) -> &[u32] {
        self.by_author
            .get(&handle.to_lowercase())
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
    pub fn hostile_count(&self) -> usize {
        self.posts.iter().filter(|p| p.hostile).count()
    }
}

/// A generated placeholder image for a post: colours from the id, the post number as text.
pub fn svg_for(post: &CPost) -> String {
    let h = crate::util::fnv(&post.id);
    let hue1 = h % 360;
    let hue2 = (h >> 16) % 360;
    let shape = (h >> 32) % 3;
    let num = post.id.trim_start_matches("post_");
    let figure = match shape {
        0 => "<circle cx=\"320\" cy=\"300\" r=\"150\" fill=\"#ffffff\" fill-opacity=\"0.35\"/>".to_string(),
        1 => "<rect x=\"170\" y=\"150\" width=\"300\" height=\"300\" rx=\"40\" fill=\"#ffffff\" fill-opacity=\"0.3\"/>".to_string(),
        _ => "<polygon points=\"320,120 500,460 140,460\" fill=\"#ffffff\" fill-opacity=\"0.3\"/>".to_string(),
    };
    let play = if post.media_type == MediaType::Video {
        "<polygon points=\"290,250 290,350 380,300\" fill=\"#ffffff\"/>"
    } else {
        ""
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"640\" viewBox=\"0 0 640 640\" role=\"img\" aria-label=\"Generated image {num}\">\
<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"hsl({hue1},70%,55%)\"/><stop offset=\"1\" stop-color=\"hsl({hue2},70%,40%)\"/></linearGradient></defs>\
<rect width=\"640\" height=\"640\" fill=\"url(#g)\"/>{figure}{play}\
<text x=\"320\" y=\"600\" font-family=\"sans-serif\" font-size=\"36\" text-anchor=\"middle\" fill=\"#ffffff\">#{num}</text></svg>"
    )
}
